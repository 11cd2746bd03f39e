#!/usr/bin/env bash
# SockScope set-up script for Debian 12.
#   ./build.sh run         install missing packages, configure, build, launch the app
#   ./build.sh test        install missing packages, then everything CI checks:
#                          build + whole test suite; the suite again under ASan+UBSan
#                          (preset asan); each libFuzzer target for 30 s (tests/fuzz/run.sh)
#   ./build.sh test-quick  build + whole test suite only (the first step of "test")
#   ./build.sh build       install missing packages, configure, build
# Extra arguments after "run" are passed to the app (e.g. ./build.sh run --mode tcp-server --port 9000).
set -euo pipefail

cd "$(dirname "$0")"
action="${1:-run}"
shift || true

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-qpa-plugins libqt6svg6 libgl-dev
    python3 xxd
    xvfb xauth fonts-wqy-microhei
    file dpkg-dev desktop-file-utils appstream
    clang libclang-rt-14-dev iproute2
    # socat: tests/bench/flood.py compares the relay with it; openssl, libssl-dev: TLS (issue #15)
    socat openssl libssl-dev
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "error: packages missing (${missing[*]}) and not root and no sudo available." >&2
            exit 1
        fi
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    echo "== Configuring (preset: default)"
    cmake --preset default >/dev/null
    echo "== Building"
    cmake --build --preset default --parallel "$(nproc)"
}

case "$action" in
run)
    install_missing
    configure_and_build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        cat >&2 <<MSG

SockScope is built (build/app/sockscope), but this session has no display
(neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.
  - on a machine without a screen, run it in a virtual X server:
        xvfb-run -a build/app/sockscope
  - or use the engine without a window (see README, "Headless command line"):
        build/app/sockscope --headless --help
MSG
        exit 2
    fi
    exec build/app/sockscope "$@"
    ;;
test | test-quick)
    install_missing
    configure_and_build
    echo "== Running tests"
    ctest --preset default --parallel "$(nproc)" "$@"
    [ "$action" = test-quick ] && exit 0
    echo "== Sanitizers: the suite again under AddressSanitizer + UndefinedBehaviorSanitizer"
    cmake --preset asan >/dev/null
    cmake --build --preset asan --parallel "$(nproc)"
    ctest --preset asan --parallel "$(nproc)" "$@"
    echo "== Fuzzing: each target for ${SOCKSCOPE_FUZZ_SECONDS:-30} s"
    tests/fuzz/run.sh "${SOCKSCOPE_FUZZ_SECONDS:-30}"
    ;;
build)
    install_missing
    configure_and_build
    ;;
*)
    echo "usage: $0 run|test|test-quick|build [args]" >&2
    exit 2
    ;;
esac
