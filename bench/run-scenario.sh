#!/usr/bin/env bash
# Runs one benchmark scenario of issue #4 and appends its summary to
# bench/RESULTS.md. Builds nothing: uses build/release (cmake --build --preset
# release --target praxisd praxis_loadgen praxis_raw_server praxis_seed
# praxis_storage_bench).
#
#   bench/run-scenario.sh 1|2|3|4|5|6|7|8
#
# Server (praxisd or praxis_raw_server) on core 0, load generator on core 1
# (taskset), loopback only. Scratch data in ${BENCH_TMP:-/tmp/praxis-bench}.
set -euo pipefail

COMMAND="${PRAXISD:+PRAXISD=$PRAXISD }bench/run-scenario.sh $*"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${BUILD_DIR:-$ROOT/build/release}"
PRAXISD="${PRAXISD:-$BIN/praxisd}"
LOADGEN="$BIN/bench/praxis_loadgen"
RAW="$BIN/bench/praxis_raw_server"
SEED="$BIN/bench/praxis_seed"
SBENCH="$BIN/bench/praxis_storage_bench"
TMP="${BENCH_TMP:-/tmp/praxis-bench}"
RESULTS="${RESULTS:-$ROOT/bench/RESULTS.md}"
SERVER_CORE="${SERVER_CORE:-0}"
LOADGEN_CORE="${LOADGEN_CORE:-1}"
SCEN="${1:?usage: bench/run-scenario.sh 1|2|3|4|5|6|7|8}"

mkdir -p "$TMP"
W="$TMP/s$SCEN"
rm -rf "$W"
mkdir -p "$W"
LINES="$W/summary.txt"
: >"$LINES"
SERVER_PID=""

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

wait_for_file() {  # file, seconds
  local i
  for ((i = 0; i < $2 * 20; i++)); do
    [[ -s "$1" ]] && return 0
    sleep 0.05
  done
  echo "timed out waiting for $1" >&2
  return 1
}

# Limits that would refuse the load generator's clients (a praxisd that has them):
# connection caps, and the rates of room actions and read markers.
LIMIT_FLAGS=()
if "$PRAXISD" --help 2>/dev/null | grep -- --max-http-connections-per-address >/dev/null; then
  LIMIT_FLAGS=(--max-http-connections-per-address 1000000 --max-connections 1000000
               --actions-per-second 1000000 --actions-burst 1000000
               --reads-per-second 1000000 --reads-burst 1000000)
fi
if "$PRAXISD" --help 2>/dev/null | grep -- --queries-per-second >/dev/null; then
  LIMIT_FLAGS+=(--queries-per-second 1000000 --queries-burst 1000000)
fi
# More flags for praxisd, e.g. PRAXISD_FLAGS="--max-outbound-bytes 1073741824".
read -ra EXTRA_FLAGS <<<"${PRAXISD_FLAGS:-}"
LIMIT_FLAGS+=("${EXTRA_FLAGS[@]}")

# start_praxisd DATA_DIR [extra flags...]: praxisd on $SERVER_CORE, port in $W/port.
start_praxisd() {
  local dir="$1"
  shift
  rm -f "$W/port"
  taskset -c "$SERVER_CORE" "$PRAXISD" --data-dir "$dir" --listen 127.0.0.1 --port "${PORT:-0}" \
    --port-file "$W/port" --threads 1 --messages-per-second 1000000 --messages-burst 1000000 \
    --max-connections-per-address 1000000 --max-rooms-per-user 500 "${LIMIT_FLAGS[@]}" "$@" \
    >>"$W/praxisd.log" 2>&1 &
  SERVER_PID=$!
  echo "$SERVER_PID" >"$W/server.pid"
  wait_for_file "$W/port" 20
}

start_raw() {
  rm -f "$W/port"
  taskset -c "$SERVER_CORE" "$RAW" --listen 127.0.0.1 --port "${PORT:-0}" --port-file "$W/port" &
  SERVER_PID=$!
  echo "$SERVER_PID" >"$W/server.pid"
  wait_for_file "$W/port" 10
}

stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

loadgen() {  # args...; appends its summary line
  taskset -c "$LOADGEN_CORE" "$LOADGEN" --port-file "$W/port" --server-pid-file "$W/server.pid" \
    "$@" | tee -a "$LINES"
}

ratio() {  # scenario name: praxis deliveries/s over the raw server's, from this run's lines
  awk -v s="$1" '/mode=praxis/ {for (i=1;i<=NF;i++) if ($i ~ /^deliveries_per_s=/) {split($i,a,"="); p=a[2]}}
       /mode=raw/ {for (i=1;i<=NF;i++) if ($i ~ /^deliveries_per_s=/) {split($i,a,"="); r=a[2]}}
       END {if (r > 0) printf "scenario=%s ratio_praxis_to_raw=%.3f\n", s, p / r}' "$LINES" | tee -a "$LINES"
}

metrics() {  # scenario name: mean group-commit time and batch from praxisd's /metrics
  curl -s "http://127.0.0.1:$(cat "$W/port")/metrics" | awk -v s="$1" '
    /^praxis_commit_seconds_sum/ {sum=$2} /^praxis_commit_seconds_count/ {n=$2}
    /^praxis_slow_consumers_total/ {slow=$2} /^praxis_writes_refused_total/ {refused=$2}
    /^praxis_outbound_memory_peak_bytes/ {peak=$2}
    END {if (n > 0) printf "scenario=%s metrics commits=%d commit_mean_ms=%.3f slow_consumers=%d writes_refused=%d outbound_peak_mib=%.1f\n", s, n, 1000*sum/n, slow, refused, peak/1048576}' |
    tee -a "$LINES"
}

record() {  # title, note
  {
    echo
    echo "## Scenario $SCEN: $1 ($(date -u '+%Y-%m-%d %H:%M:%S UTC'))"
    echo
    echo "- machine: nproc=$(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -m | awk '/Mem:/ {print $2}') MiB RAM"
    echo "- load before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- pinning: server core $SERVER_CORE, load generator core $LOADGEN_CORE"
    echo "- command: \`$COMMAND\`"
    echo "- praxisd: $PRAXISD (built $(date -u -r "$PRAXISD" '+%Y-%m-%d %H:%M UTC'); tree at $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- server storage protocol || echo ', with uncommitted changes in server/ storage/ protocol/'))"
    [[ -n "${BENCH_NOTE:-}" ]] && echo "- note: $BENCH_NOTE"
    [[ -n "${2:-}" ]] && echo "- $2"
    echo
    echo '```'
    cat "$LINES"
    echo '```'
  } >>"$RESULTS"
  echo "appended to $RESULTS"
}

# storm MODE RESTART...: with a server running on $PORT, connects 10,000 clients,
# stops the server once they are all in, runs RESTART and waits until every
# client is back (the load generator measures the storm); stops the server.
storm() {
  local mode=$1 lg
  shift
  taskset -c "$LOADGEN_CORE" "$LOADGEN" --port "$PORT" --server-pid-file "$W/server.pid" \
    --scenario storm --mode "$mode" --tokens "$W/tokens" --conns 10000 --sources 4 --storm \
    --ready-file "$W/ready-$mode" --time-limit 170 >>"$LINES" &
  lg=$!
  wait_for_file "$W/ready-$mode" 120
  stop_server
  "$@"
  wait "$lg" || true
  stop_server
}

restart_with_missed_events() {  # scenario 5: 20 new events per room while praxisd is down
  "$SEED" --data-dir "$W/data" --add-messages-per-room 20 2>>"$W/seed.log"
  start_praxisd "$W/data"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

case "$SCEN" in
  1)  # fan-out: 1,000 members in one room, 10 senders, as fast as possible
    MSGS="${MSGS:-3000}"
    "$SEED" --data-dir "$W/data" --users 1000 --rooms 1 --room-size 1000 --tokens "$W/tokens" 2>>"$W/seed.log"
    start_praxisd "$W/data"
    loadgen --scenario fanout --mode praxis --tokens "$W/tokens" --conns 1000 --senders-per-room 10 \
      --messages "$MSGS" --window 16 --time-limit 150
    metrics fanout
    stop_server
    start_raw
    loadgen --scenario fanout --mode raw --tokens "$W/tokens" --conns 1000 --senders-per-room 10 \
      --messages "$MSGS" --window 16 --time-limit 60
    stop_server
    ratio fanout
    record "fan-out, 1,000 members in one room, 10 senders, as fast as possible (window 16 per sender), $MSGS messages" \
      "every message is committed (synchronous=FULL) before it is delivered"
    ;;
  2)  # many rooms: 10,000 members in 1,000 rooms of 10, 20,000 deliveries/s
    "$SEED" --data-dir "$W/data" --users 10000 --rooms 1000 --room-size 10 --tokens "$W/tokens" 2>>"$W/seed.log"
    start_praxisd "$W/data"
    loadgen --scenario many_rooms --mode praxis --tokens "$W/tokens" --conns 10000 --sources 4 \
      --senders-per-room 1 --rate 2000 --messages 40000 --time-limit 150 --settle-seconds 3
    metrics many_rooms
    stop_server
    start_raw
    loadgen --scenario many_rooms --mode raw --tokens "$W/tokens" --conns 10000 --sources 4 \
      --senders-per-room 1 --rate 2000 --messages 40000 --time-limit 60 --settle-seconds 1
    stop_server
    record "many rooms, 10,000 members in 1,000 rooms of 10, one sender per room, 2,000 posts/s = 20,000 deliveries/s for 20 s" \
      "latency = load generator's send time (in the text) to each receiver's read, every message committed first"
    ;;
  3)  # idle: 50,000 authenticated idle connections
    N="${CONNS:-50000}"
    NOTE=""
    ulimit -n $((N + 1000)) 2>/dev/null || ulimit -n "$(ulimit -Hn)"
    if (($(ulimit -n) < N + 500)); then
      NOTE="; open-file hard limit here is $(ulimit -Hn) (raising it is not permitted in this container), so $((($(ulimit -n) - 500))) connections instead of $N"
      N=$(($(ulimit -n) - 500))
    fi
    "$SEED" --data-dir "$W/data" --users "$N" --rooms 0 --room-size 0 --tokens "$W/tokens" 2>>"$W/seed.log"
    start_praxisd "$W/data" --idle-timeout-seconds 600
    loadgen --scenario idle --mode praxis --tokens "$W/tokens" --conns "$N" --sources 8 \
      --concurrency 512 --idle-seconds 5 --time-limit 170
    stop_server
    # The transport's ceiling: the same connections to the raw server (no token, no hello).
    start_raw
    loadgen --scenario idle --mode raw --tokens "$W/tokens" --conns "$N" --sources 8 \
      --concurrency 512 --idle-seconds 5 --time-limit 100
    stop_server
    record "idle, $N authenticated idle connections (bearer token on the upgrade, hello, synced), 8 source addresses (+ raw baseline: the same connections, no auth)" \
      "rss_per_conn_kib = (server VmRSS after connecting and 5 s idle - VmRSS before) / connections$NOTE"
    ;;
  4)  # storage: group commit and reads on 10M messages
    BIG="$TMP/s4-10m"
    if [[ ! -f "$BIG/.complete" ]]; then
      rm -rf "$BIG"
      taskset -c "$LOADGEN_CORE" "$SEED" --data-dir "$BIG" --users 1000 --rooms 100 --room-size 10 \
        --messages-per-room 100000 --unread 1000 2>>"$W/seed.log"
      touch "$BIG/.complete"
    fi
    "$SEED" --data-dir "$W/data" --users 1000 --rooms 100 --room-size 10 2>>"$W/seed.log"
    taskset -c "$SERVER_CORE" "$SBENCH" --data-dir "$W/data" --rooms 100 --room-size 10 --mode insert \
      --count 200000 | tee -a "$LINES"
    taskset -c "$SERVER_CORE" "$SBENCH" --data-dir "$BIG" --rooms 100 --room-size 10 --mode read \
      --count 20000 | tee -a "$LINES"
    record "storage: 200,000 post_message jobs through storage::Writer (group commit, WAL, synchronous=FULL) into a fresh database; 20,000 history pages of 50 and unread counts on 10,000,000 messages (100 rooms x 100,000, read markers 1,000 messages behind)" \
      "the 10M database is seeded by direct SQL (bench/seed.cpp) once and reused from $BIG"
    ;;
  5)  # reconnect storm: 10,000 clients reconnect at once after a restart
    "$SEED" --data-dir "$W/data" --users 10000 --rooms 1000 --room-size 10 --tokens "$W/tokens" 2>>"$W/seed.log"
    "$SEED" --data-dir "$W/data" --add-messages-per-room 5 2>>"$W/seed.log"
    PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    export PORT
    start_praxisd "$W/data"
    storm praxis restart_with_missed_events
    # The transport's ceiling: the same storm against the raw server (restarted
    # empty: the clients reconnect and rejoin, with nothing to replay).
    start_raw
    storm raw start_raw
    cat "$LINES"
    record "reconnect storm: 10,000 clients in 1,000 rooms of 10; server restarted (SIGTERM, 1001) with 20 new events per room written while it was down; every client reconnects at once with hello+resume (+ raw baseline: the same storm, reconnect and rejoin only)" \
      "resume_s = first resumed client to last resumed client; down_to_all_resumed_s includes the restart; gaps counts events missing after synced"
    ;;
  6)  # a slow consumer in a room at 1,000 messages/s: the others' latency before and during
    # The fault test measures it (its assertions are outcomes only); this keeps its numbers.
    (cd "$ROOT/tests/fault" && PRAXISD="$PRAXISD" /usr/bin/python3 -m pytest -q -s -p no:cacheprovider \
      test_slow_consumer_load.py) | grep '^scenario=' | tee -a "$LINES"
    record "slow consumer: 3 readers and 1 member that stops reading, in a room at 1,000 posts/s of ~600 B (tests/fault/test_slow_consumer_load.py)" \
      "p99 = send to receipt in the Python readers; ratio = p99 with the slow consumer / p99 before it"
    ;;
  7)  # burst: 1,000 members in one room, 10 senders fire 1,000 posts each without waiting
    "$SEED" --data-dir "$W/data" --users 1000 --rooms 1 --room-size 1000 --tokens "$W/tokens" 2>>"$W/seed.log"
    start_praxisd "$W/data"
    loadgen --scenario burst --mode praxis --tokens "$W/tokens" --conns 1000 --senders-per-room 10 \
      --messages 10000 --window 1000 --time-limit 150
    metrics burst
    stop_server
    start_raw
    loadgen --scenario burst --mode raw --tokens "$W/tokens" --conns 1000 --senders-per-room 10 \
      --messages 10000 --window 1000 --time-limit 60
    stop_server
    ratio burst
    record "burst, 1,000 members in one room, 10 senders fire 1,000 posts each with no window (all 10,000 posts at once)" \
      "every message is committed (synchronous=FULL) before it is delivered; server_peak_rss_mib is the burst's memory"
    ;;
  8)  # paced: 1,000 members in one room, 10 senders at 10 posts/s each (100,000 deliveries/s)
    "$SEED" --data-dir "$W/data" --users 1000 --rooms 1 --room-size 1000 --tokens "$W/tokens" 2>>"$W/seed.log"
    start_praxisd "$W/data"
    loadgen --scenario paced --mode praxis --tokens "$W/tokens" --conns 1000 --senders-per-room 10 \
      --rate 100 --messages 2000 --time-limit 150 --settle-seconds 2
    metrics paced
    stop_server
    start_raw
    loadgen --scenario paced --mode raw --tokens "$W/tokens" --conns 1000 --senders-per-room 10 \
      --rate 100 --messages 2000 --time-limit 60 --settle-seconds 1
    stop_server
    record "paced, 1,000 members in one room, 10 senders at 10 posts/s each = 100 posts/s = 100,000 deliveries/s for 20 s (+ raw baseline)" \
      "latency = load generator's send time (in the text) to each receiver's read, every message committed first; server_cpu_pct is the share of its one core"
    ;;
  *)
    echo "unknown scenario $SCEN" >&2
    exit 2
    ;;
esac
