#!/usr/bin/env bash
# Checks the SockScope .deb built by CPack from an already-built tree.
#   tests/packaging/check_deb.sh <build-dir> [expected-version]
# Does not build anything itself: run it after `cmake --build <build-dir>`.
# Exit 0 = pass, 1 = fail, 77 = skipped (no cpack/dpkg-deb).
set -uo pipefail

build=${1:?usage: check_deb.sh <build-dir> [expected-version]}
build=$(cd "$build" && pwd) || exit 1
expected_version=${2:-}
app_id=io.github.sockscope.SockScope

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
skip() { echo "SKIP: $*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool not installed (apt-get install cmake dpkg-dev file)"
        exit 77
    fi
done
[ -f "$build/CPackConfig.cmake" ] || { echo "FAIL: $build/CPackConfig.cmake missing (not configured?)" >&2; exit 1; }
[ -x "$build/app/sockscope" ] || { echo "FAIL: $build/app/sockscope not built" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sockscope-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

# ------------------------------------------------------------------ cpack
# Output (and CPack's staging tree) go to a private directory so parallel
# runs and a user's own `cpack` in the build dir do not collide.
echo "== cpack -G DEB (build dir: $build)"
if ! (cd "$build" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack -G DEB failed" >&2
    exit 1
fi
shopt -s nullglob
debs=("$work"/out/sockscope_*.deb)
shopt -u nullglob
if [ ${#debs[@]} -ne 1 ]; then
    cat "$work/cpack.log" >&2
    echo "FAIL: expected exactly one sockscope_*.deb, found: ${debs[*]:-none}" >&2
    exit 1
fi
deb=${debs[0]}
arch=$(dpkg --print-architecture 2>/dev/null || true)
pass "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# ------------------------------------------------------------------ control data
echo "== dpkg-deb -I"
dpkg-deb -I "$deb" | tee "$work/info.txt"
field() { dpkg-deb -f "$deb" "$1"; }

[ "$(field Package)" = sockscope ] && pass "Package: sockscope" || fail "Package is '$(field Package)'"
[ "$(field Section)" = net ] && pass "Section: net" || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] && pass "Maintainer: $(field Maintainer)" || fail "no Maintainer"
[ -n "$(field Description)" ] && pass "Description present" || fail "no Description"
if [ -n "$arch" ]; then
    [ "$(field Architecture)" = "$arch" ] && pass "Architecture: $arch" || fail "Architecture is '$(field Architecture)', expected $arch"
    case "$(basename "$deb")" in
    "sockscope_$(field Version)_${arch}.deb") pass "file name is DEB-DEFAULT" ;;
    *) fail "file name $(basename "$deb") is not sockscope_<version>_<arch>.deb" ;;
    esac
fi
version=$(field Version)
if [ -n "$expected_version" ]; then
    [ "$version" = "$expected_version" ] && pass "Version: $version" || fail "Version is '$version', expected $expected_version"
fi

depends=$(field Depends)
# One package name per line, without version constraints / alternatives.
dep_names=$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/^[[:space:]]+//; s/[[:space:]]+$//' | sed '/^$/d')
has_dep() { grep -qx "$1" <<<"$dep_names"; }
if has_dep libqt6core6 || has_dep libqt6widgets6; then
    pass "Depends has the shlibdeps-computed Qt libraries"
else
    fail "Depends lacks libqt6core6/libqt6widgets6 (dpkg-shlibdeps not run?): $depends"
fi
for p in libc6 qt6-qpa-plugins libqt6svg6; do
    has_dep "$p" && pass "Depends has $p" || fail "Depends lacks $p: $depends"
done
recommends=$(field Recommends)
grep -q 'fonts-wqy-microhei' <<<"$recommends" && grep -q 'fonts-noto-cjk' <<<"$recommends" \
    && pass "Recommends: $recommends" || fail "Recommends lacks the CJK fonts: '$recommends'"

# ------------------------------------------------------------------ contents
echo "== dpkg -x"
root="$work/root"
dpkg-deb -x "$deb" "$root" || { echo "FAIL: dpkg-deb -x failed" >&2; exit 1; }
dpkg-deb -c "$deb" >"$work/contents.txt"

expect_file() {
    if [ -f "$root/$1" ]; then pass "has /$1"; else fail "missing /$1"; fi
}
expect_file usr/bin/sockscope
expect_file "usr/share/applications/$app_id.desktop"
expect_file "usr/share/metainfo/$app_id.metainfo.xml"
for s in 16 32 48 64 128 256; do
    f="usr/share/icons/hicolor/${s}x${s}/apps/sockscope.png"
    expect_file "$f"
    if [ -f "$root/$f" ] && command -v file >/dev/null 2>&1; then
        file -b "$root/$f" | grep -q "PNG image data, $s x $s" || fail "$f is not a ${s}x${s} PNG: $(file -b "$root/$f")"
    fi
done
expect_file usr/share/icons/hicolor/scalable/apps/sockscope.svg
expect_file usr/share/doc/sockscope/LICENSE
expect_file usr/share/doc/sockscope/README.md
expect_file usr/share/doc/sockscope/copyright

# Nothing outside /usr, no build-tree leftovers (tests, static libs, headers).
stray=$(awk '{print $6}' "$work/contents.txt" | grep -vE '^\./(usr/?)?$|^\./usr/(bin|share)(/|$)' || true)
[ -z "$stray" ] && pass "only /usr/bin and /usr/share in the package" || fail "unexpected paths: $stray"
grep -qE 'tst_|\.a$|\.h$' "$work/contents.txt" && fail "test binaries/libs/headers packaged" || pass "no tests, libs or headers packaged"
# Directory permissions 0755 (CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS).
bad_dirs=$(awk '$1 ~ /^d/ && $1 != "drwxr-xr-x" {print $1, $6}' "$work/contents.txt")
[ -z "$bad_dirs" ] && pass "directories are 0755" || fail "directory permissions: $bad_dirs"

bin="$root/usr/bin/sockscope"
if [ -f "$bin" ]; then
    [ -x "$bin" ] && pass "sockscope is executable" || fail "sockscope is not executable"
    if command -v readelf >/dev/null 2>&1; then
        rpath=$(readelf -d "$bin" | grep -E 'RUNPATH|RPATH' || true)
        [ -z "$rpath" ] && pass "no RPATH/RUNPATH" || fail "packaged binary has $rpath"
    fi
    # Run the packaged binary (the system Qt is used: no RUNPATH).
    out=$(cd "$root" && QT_QPA_PLATFORM=offscreen timeout 20 usr/bin/sockscope --version 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && [ "$out" = "SockScope $version" ]; then
        pass "usr/bin/sockscope --version prints '$out'"
    else
        fail "usr/bin/sockscope --version (rc $rc) printed '$out', expected 'SockScope $version'"
    fi
fi

desktop="$root/usr/share/applications/$app_id.desktop"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
if [ -f "$desktop" ]; then
    grep -qx 'Exec=sockscope' "$desktop" && pass "desktop: Exec=sockscope" || fail "desktop: Exec is not sockscope"
    grep -qx 'Icon=sockscope' "$desktop" && pass "desktop: Icon=sockscope" || fail "desktop: Icon is not sockscope"
    grep -q '^Name\[zh_CN\]=' "$desktop" && pass "desktop: Name[zh_CN]" || fail "desktop: no Name[zh_CN]"
    if command -v desktop-file-validate >/dev/null 2>&1; then
        if desktop-file-validate "$desktop"; then pass "desktop-file-validate"; else fail "desktop-file-validate"; fi
    else
        skip "desktop-file-validate not installed (apt-get install desktop-file-utils)"
    fi
fi
if [ -f "$metainfo" ]; then
    grep -q "<id>$app_id</id>" "$metainfo" && pass "metainfo: id $app_id" || fail "metainfo: id is not $app_id"
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
        && pass "metainfo: launchable" || fail "metainfo: launchable is not $app_id.desktop"
    grep -q "<release version=\"$version\"" "$metainfo" \
        && pass "metainfo: release $version listed" || fail "metainfo: no <release version=\"$version\">"
    if command -v appstreamcli >/dev/null 2>&1; then
        if appstreamcli validate --no-net "$metainfo"; then pass "appstreamcli validate"; else fail "appstreamcli validate"; fi
    else
        skip "appstreamcli not installed (apt-get install appstream)"
    fi
fi

echo
if [ $failures -ne 0 ]; then
    echo "check_deb: $failures check(s) failed" >&2
    exit 1
fi
echo "check_deb: all checks passed for $(basename "$deb")"
