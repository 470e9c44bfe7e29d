"""A slow consumer in a room carrying 1,000 messages/s is cut off within 10 s while
the other members' p99 delivery latency stays under twice its baseline (issue #4).

The baseline p99 is measured first, in the same test, at the same rate with the same
readers; then a member connects, says hello and stops reading. Latency is the time from
the writer's send to a reader's receipt (one process, one clock). Under AddressSanitizer
the p99 comparison is reported but not asserted: the sanitizer's cost (and its variance)
dwarfs what is being measured; the cut-off and delivery checks still run."""
import asyncio
import json
import os
import statistics
import time

from praxis_harness import FAST, WAIT, RawWebSocket, async_test, connect, make_room, open_ws

RATE = 1000  # messages per second into the room
TEXT_BYTES = 600
QUEUE_BYTES = 1 << 20  # max_queue_bytes: at ~0.7 MB/s of events it fills within seconds
BASELINE_SECONDS = 5.0
CUTOFF_LIMIT = 10.0  # issue #4
AFTER_CUTOFF = 1.0  # the loaded phase ends this long after the cut-off
READERS = 3


def server_env():
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "quarantine_size_mb=16"]))
    return env


def p99(samples):
    return statistics.quantiles(samples, n=100)[98]


class Reader:
    """A member that reads everything and notes when each message arrived."""

    def __init__(self, ws, label):
        self.ws, self.label = ws, label
        self.arrivals = {}  # cmid -> monotonic time of receipt
        self.seqs = []
        self.task = asyncio.create_task(self._read())

    async def _read(self):
        async for frame in self.ws:
            now = time.monotonic()
            for part in frame.split("\n"):
                msg = json.loads(part)
                if msg.get("type") == "event":
                    self.arrivals[msg.get("cmid")] = now
                    self.seqs.append(msg["seq"])

    async def close(self):
        await self.ws.close()
        await self.task


async def hello(ws):
    await ws.send(json.dumps({"type": "hello", "version": 1}))
    while True:
        frame = await asyncio.wait_for(ws.recv(), WAIT)
        if any(json.loads(p).get("type") == "synced" for p in frame.split("\n")):
            return


NOISE_FLOOR = 0.010  # seconds


@async_test
async def test_slow_consumer_cut_off_within_10s_at_1000_per_second(start_praxis, sanitized):
    server = start_praxis({**FAST, "max-queue-bytes": QUEUE_BYTES}, env=server_env())
    writer_user = server.new_user("Writer")
    reader_users = [server.new_user(f"Reader{i}") for i in range(READERS)]
    slow_user = server.new_user("Slow")
    owner = await connect(server, writer_user)
    joined = [await connect(server, u) for u in reader_users + [slow_user]]
    room = await make_room(owner, *joined)
    for c in joined + [owner]:
        await c.close()

    readers = []
    for u in reader_users:
        ws = await open_ws(server, token=u.token)
        await hello(ws)
        readers.append(Reader(ws, u.display_name))
    writer_ws = await open_ws(server, token=writer_user.token)
    await hello(writer_ws)
    acks, errors = [], []

    async def drain_writer():
        async for frame in writer_ws:
            for part in frame.split("\n"):
                msg = json.loads(part)
                if msg.get("type") == "ack":
                    acks.append(msg["seq"])
                elif msg.get("type") == "error":
                    errors.append(msg)
    writer_reads = asyncio.create_task(drain_writer())

    sent_at = {}  # cmid -> monotonic time of sending
    stop = asyncio.Event()
    pad = "x" * TEXT_BYTES

    async def write():
        """RATE posts per second, paced on a 5 ms tick (catching up if a tick is late)."""
        start, n = time.monotonic(), 0
        while not stop.is_set():
            due = int((time.monotonic() - start) * RATE)
            while n < due:
                cmid = f"m{n}"
                await writer_ws.send(json.dumps({"type": "post", "room": room, "lang": "en", "cmid": cmid,
                                                 "text": f"{n} {pad}"}))
                sent_at[cmid] = time.monotonic()
                n += 1
            await asyncio.sleep(0.005)
    writing = asyncio.create_task(write())

    def latencies(t_from, t_to):
        out = []
        for r in readers:
            for cmid, t_sent in sent_at.items():
                if t_from <= t_sent < t_to and cmid in r.arrivals:
                    out.append(r.arrivals[cmid] - t_sent)
        return out

    # Baseline (the first second is warm-up).
    t0 = time.monotonic()
    await asyncio.sleep(BASELINE_SECONDS)
    t_base = time.monotonic()

    # A member that says hello, reads up to synced, then never reads again.
    raw = await asyncio.to_thread(RawWebSocket, server, slow_user.token, 4096)
    raw.send_text(json.dumps({"type": "hello", "version": 1}))
    while True:
        kind, payload = await asyncio.to_thread(raw.read_message)
        assert kind == "text", f"the slow client was closed ({payload}) before it was slow"
        if any(m.get("type") == "synced" for m in payload):
            break
    t_slow = time.monotonic()
    cutoff = None
    while cutoff is None:
        if await asyncio.to_thread(server.metric, "praxis_slow_consumers_total") >= 1:
            cutoff = time.monotonic() - t_slow
        elif time.monotonic() - t_slow > CUTOFF_LIMIT + WAIT:
            break
        else:
            await asyncio.sleep(0.05)
    t_end = time.monotonic() + AFTER_CUTOFF
    await asyncio.sleep(AFTER_CUTOFF)
    stop.set()
    await writing
    await asyncio.sleep(0.5)  # the last sends arrive

    assert cutoff is not None, f"no slow consumer was cut off {CUTOFF_LIMIT + WAIT:.0f}s after it stopped reading"
    rate = len([t for t in sent_at.values() if t_base <= t < t_end]) / (t_end - t_base)
    assert rate >= 0.9 * RATE, f"the writer managed only {rate:.0f} messages/s, not {RATE}"
    assert cutoff <= CUTOFF_LIMIT, f"the slow consumer was cut off after {cutoff:.1f}s (limit {CUTOFF_LIMIT}s)"

    # The slow client ends with close 4008.
    def read_to_close():
        try:
            while True:
                kind, payload = raw.read_message()
                if kind == "close":
                    return payload
        except EOFError:
            return "EOF without a close frame"
    code = await asyncio.to_thread(read_to_close)
    raw.close()
    assert code == 4008, f"the slow consumer got close {code}, not 4008"

    # Latency: baseline against the phase with the slow consumer.
    baseline = latencies(t0 + 1.0, t_base)
    loaded = latencies(t_slow, t_end)
    assert baseline and loaded, "no latency samples"
    base_p99, loaded_p99 = p99(baseline), p99(loaded)
    report = (f"cut off after {cutoff:.2f}s; {rate:.0f} messages/s; p99 baseline {base_p99 * 1000:.1f} ms "
              f"({len(baseline)} samples), with the slow consumer {loaded_p99 * 1000:.1f} ms ({len(loaded)} samples)")
    print(report)

    # Every reader got every acknowledged message once, in order, and is still connected.
    last_ack = max(acks)
    for r in readers:
        deadline = time.monotonic() + WAIT
        while (not r.seqs or r.seqs[-1] < last_ack) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert r.seqs == list(range(r.seqs[0], r.seqs[0] + len(r.seqs))) and r.seqs[-1] >= last_ack, \
            f"{r.label} missed or repeated events"
        assert not r.task.done(), f"{r.label} was disconnected"
    assert not errors, f"posts refused: {errors[:3]}"

    for r in readers:
        await r.close()
    await writer_ws.close()
    await writer_reads
    if not sanitized:
        # NOTE: the latencies are measured by this Python client, whose own scheduling
        # noise is a few milliseconds; below NOISE_FLOOR a doubling says nothing about
        # the server, so the baseline counts as at least that much.
        assert loaded_p99 < 2 * max(base_p99, NOISE_FLOOR), f"others' p99 more than doubled: {report}"
