#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset "fuzz": clang, ASan + UBSan, build-fuzz/) and
# runs each for a while over a copy of its seed corpus.
#
#   tests/fuzz/run.sh [seconds-per-target]      (default 30; from any directory)
#   FUZZ_TARGETS="fuzz_hex fuzz_framing" tests/fuzz/run.sh 60    (a subset)
#
# Exits non-zero if any target crashes, leaks, times out (-timeout=10 per input), exceeds
# 2048 MB or reports a sanitizer error; the failing input is left in
# build-fuzz/fuzz-run/<target>/ (see tests/fuzz/README.md to reproduce it).
set -euo pipefail

seconds="${1:-30}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [seconds-per-target]" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
targets=(${FUZZ_TARGETS:-fuzz_hex fuzz_escapes fuzz_framing fuzz_textcodec fuzz_autoreply})

for tool in clang++ cmake ninja; do
    if ! command -v "$tool" >/dev/null; then
        echo "run.sh: $tool not found (Debian: apt-get install clang libclang-rt-14-dev cmake ninja-build)" >&2
        exit 2
    fi
done

echo "== configure + build (preset fuzz, build-fuzz/)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --parallel "${FUZZ_BUILD_JOBS:-2}" --target "${targets[@]}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export QT_QPA_PLATFORM=offscreen

work="$root/build-fuzz/fuzz-run"
failed=0
summary=()
for t in "${targets[@]}"; do
    dir="$work/$t"
    rm -rf "$dir"
    mkdir -p "$dir/corpus"
    cp -r "tests/fuzz/corpus/$t/." "$dir/corpus/"
    log="$dir/fuzz.log"
    echo "== $t: ${seconds}s (log: ${log#"$root"/})"
    dict=()
    [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
    rc=0
    "build-fuzz/tests/fuzz/$t" "$dir/corpus" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
        -print_final_stats=1 -artifact_prefix="$dir/" >"$log" 2>&1 || rc=$?

    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
    last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
    corp="$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")"
    artifacts=("$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-* "$dir"/slow-unit-*)
    found=()
    for a in "${artifacts[@]}"; do [ -e "$a" ] && found+=("${a#"$root"/}"); done
    if [ "$rc" -ne 0 ] || [ "${#found[@]}" -gt 0 ] ||
        grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$log"; then
        status="FAIL (exit $rc${found:+, ${found[*]}})"
        failed=1
        grep -E 'ERROR:|runtime error:|property failed|SUMMARY:' "$log" | head -5 | sed 's/^/    /'
    else
        status="ok"
    fi
    line="$(printf '%-15s %-6s execs %-9s exec/s %-7s cov %-5s ft %-6s corpus %s' "$t" \
        "$status" "$(stat number_of_executed_units)" "$(stat average_exec_per_sec)" \
        "${cov:-?}" "${ft:-?}" "${corp:-?}")"
    echo "$line"
    summary+=("$line")
done

echo
echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    echo "FUZZING FAILED: see the logs and inputs in build-fuzz/fuzz-run/ (tests/fuzz/README.md)" >&2
    exit 1
fi
echo "all fuzz targets ok"
