#!/usr/bin/env bash
# Runs every test of Praxis: formatting, unit and integration tests, first in
# the optimised build, then again under AddressSanitizer + UBSan; a smoke check of
# deploy/run.sh (deploy/smoke-run.sh); a short fuzz run; then the web
# client's unit and browser tests.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache hits across checkouts in other folders (CI clones afresh each time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
deploy/install-deps.sh --test

echo "== format check (.clang-format)"
git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

for preset in release ci-sanitize; do
  echo "== $preset: build"
  # ON explicitly: deploy/run.sh configures the same build/release without tests.
  cmake --preset "$preset" -DPRAXIS_BUILD_TESTS=ON >/dev/null
  cmake --build --preset "$preset" -j 2
  echo "== $preset: unit and integration tests"
  ctest --preset "$preset"
done

# The README's run command itself, as a newcomer gets it (reuses build/release).
echo "== run command: deploy/run.sh serves and stops (deploy/smoke-run.sh)"
deploy/smoke-run.sh

echo "== fuzz: short run of each libFuzzer target (fuzz/README.md for long runs)"
fuzz/run.sh --short

# The web client's unit and browser tests (Playwright + Debian's Chromium), against
# the sanitizer build of praxisd: a report there aborts the server and fails a test.
echo "== web client: unit and browser tests"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  PRAXISD="$PWD/build/ci-sanitize/praxisd" client-web/test.sh
