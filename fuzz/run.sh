#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (see fuzz/README.md).
#   fuzz/run.sh --short [SECONDS]        each target SECONDS (default 20) from the seed
#                                        corpus in a scratch directory; for the test command
#   fuzz/run.sh --long SECONDS [TARGET..] each target (default: all) SECONDS in turn, at
#                                        nice 10, growing build/fuzz/corpus-<target>/
# Exits non-zero if a target crashes, leaks, times out or trips a sanitizer; the
# input is saved as build/fuzz/artifacts/<target>-crash-* (reproduce: run the
# target binary with that file as its argument).
set -euo pipefail
cd "$(dirname "$0")/.."
ALL=(fuzz_decode_client fuzz_http_api fuzz_http_request)
mode=${1:-}
case $mode in
  --short) seconds=${2:-20}; shift $(($# < 2 ? $# : 2)); targets=("${ALL[@]}") ;;
  --long)
    seconds=${2:?usage: fuzz/run.sh --long SECONDS [TARGET...]}
    shift 2
    targets=("$@")
    ((${#targets[@]})) || targets=("${ALL[@]}")
    ;;
  *) echo "usage: fuzz/run.sh --short [SECONDS] | --long SECONDS [TARGET...]" >&2; exit 2 ;;
esac

fuzz/build.sh
OUT=build/fuzz
mkdir -p "$OUT/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

max_len() {
  case $1 in
    fuzz_http_request) echo 20000 ;;  # past the 16 KiB header limit
    *) echo 8192 ;;
  esac
}

failed=0
for t in "${targets[@]}"; do
  [[ -d fuzz/corpus/$t ]] || { echo "no seed corpus fuzz/corpus/$t" >&2; exit 2; }
  common=(-max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t-")
  if [[ $mode == --short ]]; then
    scratch=$(mktemp -d)
    echo "== fuzz $t: ${seconds}s"
    if ! "$OUT/$t" "${common[@]}" "$scratch" "fuzz/corpus/$t" >"$OUT/short-$t.log" 2>&1; then
      failed=1
      tail -60 "$OUT/short-$t.log"
      echo "FAILED: $t (log: $OUT/short-$t.log)"
    else
      grep -E '^(stat::number_of_executed_units|Done)' "$OUT/short-$t.log" || true
    fi
    rm -rf "$scratch"
  else
    corpus=$OUT/corpus-$t
    mkdir -p "$corpus"
    log=$OUT/long-$t.log
    echo "== fuzz $t: ${seconds}s, corpus $corpus, log $log"
    start=$(date +%s)
    if ! nice -n 10 "$OUT/$t" "${common[@]}" "$corpus" "fuzz/corpus/$t" >"$log" 2>&1; then
      failed=1
      tail -60 "$log"
      echo "FAILED: $t (log: $log)"
    fi
    # Merge the seeds in, so the grown corpus alone is a complete starting point.
    nice -n 10 "$OUT/$t" -merge=1 "$corpus" "fuzz/corpus/$t" >/dev/null 2>&1 || true
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    echo "$t: $(($(date +%s) - start))s wall, ${runs:-?} executions," \
      "corpus $(find "$corpus" -type f | wc -l) files / $(du -sk "$corpus" | cut -f1) KiB"
  fi
done
exit $failed
