#!/usr/bin/env bash
# Builds Praxis (server and web client) and runs it with its embedded defaults: SQLite in ./data,
# http://localhost:8080/. Extra arguments go to praxisd (e.g. --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache hits across checkouts in other folders (CI clones afresh each time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
deploy/install-deps.sh
# No tests here: their Catch2 comes only with `install-deps.sh --test`. test.sh turns them
# back on in the same build/release, so either command can run after the other.
cmake --preset release -DPRAXIS_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release -j 2 --target praxisd
client-web/build.sh
exec build/release/praxisd --data-dir "${PRAXIS_DATA_DIR:-data}" --web-root client-web/dist "$@"
