"""The global outbound budget (PROTOCOL.md 4, max_outbound_bytes): with more memory held
for delivery than it allows, writes are refused `unavailable` and change nothing, a reader
that stopped is cut (4008) long before its own max_queue_bytes, and the readers that keep
up miss nothing."""
import asyncio

from praxis_harness import FAST, WAIT, async_test, post_stream
from test_slow_consumer import read_to_close, room_with_stopped_reader, server_env

QUEUE_BYTES = 64 << 20  # one connection's bound: never reached here
BUDGET_BYTES = 256 << 10  # all connections'
MESSAGE_BYTES = 2000
MAX_MESSAGES = 200000  # posts are refused while over the budget: this only bounds the loop
CHUNK = 200
# What may be queued past the budget before the cut: the fan-out of the posts in
# flight (window x receivers x message), with room to spare.
PEAK_SLACK = 1 << 20


@async_test
async def test_a_stopped_reader_is_cut_at_the_global_budget(start_praxis):
    server = start_praxis({**FAST, "max-queue-bytes": QUEUE_BYTES, "max-outbound-bytes": BUDGET_BYTES},
                          env=server_env())
    sender, healthy, room, raw = await room_with_stopped_reader(server)

    stop = asyncio.Event()

    async def watch():
        while not stop.is_set():
            if await asyncio.to_thread(server.metric, "praxis_slow_consumers_total") >= 1:
                stop.set()
            await asyncio.sleep(0.1)

    since = healthy.mark()
    watcher = asyncio.create_task(watch())
    # Chunks of posts until the stopped reader is cut: while over the budget the
    # posts are refused, and the cut comes once its write has stalled (10 s).
    acks, errors, lost, posted = [], [], 0, 0
    deadline = asyncio.get_running_loop().time() + 4 * WAIT
    while not stop.is_set() and posted < MAX_MESSAGES and asyncio.get_running_loop().time() < deadline:
        chunk = await post_stream(sender, [room], CHUNK, window=32, stop=stop, size=MESSAGE_BYTES,
                                  first=posted)
        posted += CHUNK
        acks += chunk.acks
        errors += chunk.errors
        lost += chunk.lost
        if chunk.errors:
            await asyncio.sleep(0.2)
    stop.set()
    await watcher
    stopped_side = asyncio.create_task(asyncio.to_thread(read_to_close, raw))

    assert server.metric("praxis_slow_consumers_total") >= 1, \
        f"{len(acks)} messages of {MESSAGE_BYTES} bytes cut nobody at a {BUDGET_BYTES}-byte budget"
    peak = server.metric("praxis_outbound_memory_peak_bytes")
    assert peak <= BUDGET_BYTES + PEAK_SLACK, f"{peak} bytes were held at once, budget {BUDGET_BYTES}"
    assert not lost, f"the sender lost {lost} requests"
    codes = {e.get("code") for e in errors}
    assert codes <= {"unavailable"}, f"refusals other than unavailable: {errors[:3]}"
    assert errors, "nothing was refused over the budget"
    assert server.metric("praxis_writes_refused_total") == len(errors)

    # What was acknowledged is gapless and reached the reader that keeps up, once;
    # what was refused was not stored.
    acked = sorted(ack["seq"] for ack in acks)
    assert acked == list(range(acked[0], acked[-1] + 1)), "the sender's acks have gaps"
    await healthy.event(room, acked[-1], since, timeout=4 * WAIT)
    assert [e["seq"] for e in healthy.events(room, since)] == acked, "the healthy client missed or repeated events"
    assert not healthy.closed and not sender.closed, "a client that reads was cut"

    # After the cut, writes go through again (once the in-flight posts' fan-out drained).
    deadline = asyncio.get_running_loop().time() + WAIT
    while True:
        reply = await sender.request({"type": "post", "room": room, "text": "after", "lang": "en"})
        if reply["type"] == "ack" or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.1)
    assert reply["type"] == "ack", reply

    events, code = await stopped_side
    raw.close()
    assert code == 4008, f"expected close code 4008 for the stopped reader, got {code}"
    seqs = [e["seq"] for e in events if e["room"] == room]
    assert seqs == list(range(acked[0], acked[0] + len(seqs))), "the stopped reader's events have a gap"
