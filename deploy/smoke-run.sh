#!/usr/bin/env bash
# Smoke check of the README's run command: starts deploy/run.sh (which installs what is
# missing, builds and execs praxisd) on a free port with a temporary data folder, waits
# until GET /healthz answers 200 and / serves the built web client's index.html, stops it
# with SIGTERM and checks that it exits 0. Exits non-zero, with run.sh's log, otherwise.
# Usage: deploy/smoke-run.sh [praxisd args...]    (extra arguments go to run.sh)
# SMOKE_DEADLINE (seconds, default 1200) bounds the start, build included.
set -euo pipefail
cd "$(dirname "$0")/.."

deadline=$((SECONDS + ${SMOKE_DEADLINE:-1200}))
tmp=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    { kill -KILL "$pid" && wait "$pid"; } 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "smoke-run: FAIL: $*" >&2
  echo "--- deploy/run.sh output (last 40 lines):" >&2
  tail -n 40 "$tmp/run.log" >&2 || true
  exit 1
}

# fetch URL FILE: writes the body to FILE, prints the status (000: no answer). No proxy:
# the server is on loopback.
fetch() {
  python3 - "$1" "$2" <<'PY'
import sys, urllib.error, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
try:
    with opener.open(sys.argv[1], timeout=10) as r:
        body, status = r.read(), r.status
except urllib.error.HTTPError as e:
    body, status = e.read(), e.code
except OSError:
    body, status = b"", 0
open(sys.argv[2], "wb").write(body)
print(f"{status:03d}")
PY
}

PRAXIS_DATA_DIR="$tmp/data" deploy/run.sh --port 0 --port-file "$tmp/port" "$@" >"$tmp/run.log" 2>&1 &
pid=$!
echo "smoke-run: started deploy/run.sh (pid $pid)"

status=000
until [[ $status == 200 ]]; do
  kill -0 "$pid" 2>/dev/null || { wait "$pid" && rc=0 || rc=$?; fail "run.sh exited ($rc) before serving"; }
  ((SECONDS < deadline)) || fail "no 200 from /healthz within ${SMOKE_DEADLINE:-1200} s"
  sleep 0.2
  [[ -s $tmp/port ]] || continue
  port=$(<"$tmp/port")
  status=$(fetch "http://127.0.0.1:$port/healthz" "$tmp/healthz")
done
echo "smoke-run: port $port, /healthz 200: $(<"$tmp/healthz")"

status=$(fetch "http://127.0.0.1:$port/" "$tmp/index.html")
[[ $status == 200 ]] || fail "GET / answered $status"
cmp -s "$tmp/index.html" client-web/dist/index.html ||
  fail "GET / is not client-web/dist/index.html: $(head -c 200 "$tmp/index.html")"
echo "smoke-run: / serves client-web/dist/index.html"

kill -TERM "$pid"
stop_deadline=$((SECONDS + 60))
while kill -0 "$pid" 2>/dev/null; do
  ((SECONDS < stop_deadline)) || fail "still running 60 s after SIGTERM"
  sleep 0.2
done
wait "$pid" && rc=0 || rc=$?
pid=
((rc == 0)) || fail "exit status $rc after SIGTERM (expected 0)"
echo "smoke-run: OK (stopped by SIGTERM, exit 0)"
