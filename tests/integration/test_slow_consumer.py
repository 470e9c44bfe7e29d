"""A client that stops reading is dropped with close code 4008 once more than
max_queue_bytes wait for it (PROTOCOL.md 3, 5); the server's memory stays bounded
meanwhile and a healthy client in the same room misses nothing."""
import asyncio
import json
import os

from praxis_harness import FAST, WAIT, RawWebSocket, async_test, connect, make_room, post_stream, vm_rss_bytes

QUEUE_BYTES = 262144
MESSAGE_BYTES = 2000
MAX_MESSAGES = 30000  # ~60 MB: far more than kernel buffers plus the queue can hold
RSS_HEADROOM = 64 << 20


def server_env():
    """A small ASan quarantine, so that freed memory held for use-after-free checks
    does not count as growth (without ASan the variable is ignored)."""
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "quarantine_size_mb=16"]))
    return env


def read_to_close(raw: RawWebSocket):
    """Reads the raw socket until the close frame: (events received, close code, or
    a description of how the connection ended without one)."""
    events = []
    try:
        while True:
            kind, payload = raw.read_message()
            if kind == "close":
                return events, payload
            events += [m for m in payload if m.get("type") == "event"]
    except EOFError:
        return events, "EOF without a close frame"
    except TimeoutError:
        return events, f"nothing more within {WAIT:.0f}s and no close frame"


async def room_with_stopped_reader(server):
    """A room of a sender, a healthy reader and a member whose raw connection (with a
    small receive buffer) reads up to `synced`, so that the server has it as a live
    member, and then never again: (sender, healthy, room, raw)."""
    sender = await connect(server, server.new_user("Sender"))
    healthy = await connect(server, server.new_user("Healthy"))
    slow_user = server.new_user("Slow")
    joining = await connect(server, slow_user)
    room = await make_room(sender, healthy, joining)
    await joining.close()

    raw = RawWebSocket(server, slow_user.token, rcvbuf=4096)
    raw.send_text(json.dumps({"type": "hello", "version": 1}))
    while True:
        kind, payload = await asyncio.to_thread(raw.read_message)
        assert kind == "text", f"the slow client was closed ({payload}) before it was slow"
        if any(m.get("type") == "synced" for m in payload):
            return sender, healthy, room, raw


@async_test
async def test_slow_consumer_is_dropped_and_others_unaffected(start_praxis):
    server = start_praxis({**FAST, "max-queue-bytes": QUEUE_BYTES}, env=server_env())
    sender, healthy, room, raw = await room_with_stopped_reader(server)

    baseline = vm_rss_bytes(server.pid)
    peak = baseline
    stop = asyncio.Event()

    async def watch():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, vm_rss_bytes(server.pid))
            if await asyncio.to_thread(server.metric, "praxis_slow_consumers_total") >= 1:
                stop.set()
            await asyncio.sleep(0.1)

    since = healthy.mark()
    watcher = asyncio.create_task(watch())
    stream = await post_stream(sender, [room], MAX_MESSAGES, window=32, stop=stop, size=MESSAGE_BYTES)
    stop.set()
    await watcher
    slow_side = asyncio.create_task(asyncio.to_thread(read_to_close, raw))  # drain it while we check the rest
    assert not stream.errors and not stream.lost, f"the sender had trouble: {stream.errors[:3]} lost {stream.lost}"
    assert server.metric("praxis_slow_consumers_total") >= 1, \
        f"{len(stream.acks)} messages of {MESSAGE_BYTES} bytes made no slow consumer"
    assert peak < baseline + RSS_HEADROOM, \
        f"VmRSS grew from {baseline >> 20} MiB to {peak >> 20} MiB while a client did not read"

    # The healthy client got every message, in order, once.
    acked = sorted(ack["seq"] for ack in stream.acks)
    assert acked == list(range(acked[0], acked[-1] + 1)), "the sender's acks have gaps"
    await healthy.event(room, acked[-1], since, timeout=4 * WAIT)
    assert [e["seq"] for e in healthy.events(room, since)] == acked, "the healthy client missed or repeated events"
    assert not healthy.closed and not sender.closed, "a client that reads was dropped"

    # The slow client: what it got before the close is a gapless prefix, then 4008.
    events, code = await slow_side
    raw.close()
    assert code == 4008, f"expected close code 4008 for the slow consumer, got {code}"
    seqs = [e["seq"] for e in events if e["room"] == room]
    assert seqs == list(range(acked[0], acked[0] + len(seqs))), \
        "the slow client got events with a gap before its close: resuming from its last seq would lose some"
