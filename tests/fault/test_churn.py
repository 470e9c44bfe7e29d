"""Connection churn (issue #4): for a minute, clients are dropped every few seconds
(a clean close, an abrupt TCP reset, or the server's own close of a frame over
max_frame_bytes) and reconnect with hello.resume while a writer posts steadily.
Each reader's events over all its connections are every seq once, in order: no
gap, no duplicate. The writer is dropped too and retries its unacknowledged
posts by cmid: each is stored exactly once."""
import asyncio
import random
import socket
import struct
import time
from collections import Counter

from praxis_harness import FAST, WAIT, async_test, connect, make_room

DURATION = 60.0  # seconds of churn in the test command (issue #4: "for a minute")
READERS = 4
POSTS_PER_SECOND = 50
DROP_EVERY = (1.0, 4.0)  # a connection lives this long (uniformly at random)


def reset(client):
    """Drops the connection with a TCP RST: no close frame, no FIN."""
    sock = client.ws.transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.ws.transport.abort()


async def drop(client, how):
    if how == "close":
        await client.close()
    else:
        reset(client)
        try:
            await asyncio.wait_for(asyncio.shield(client._reader), WAIT)
        except asyncio.TimeoutError:
            raise AssertionError(f"{client.label}: still reading {WAIT:.0f}s after the reset") from None


@async_test
async def test_churning_clients_see_no_gap_and_no_duplicate(start_praxis, soak):
    rng = random.Random()
    server = start_praxis(FAST)
    writer_user = server.new_user("Writer")
    reader_users = [server.new_user(f"Reader{i}") for i in range(READERS)]
    first = await connect(server, writer_user)
    members = [await connect(server, u) for u in reader_users]
    room = await make_room(first, *members)
    for m in members:
        await m.close()
    await first.close()
    deadline = time.monotonic() + DURATION * soak
    reconnects = Counter()

    async def writer():
        """Posts at a steady rate through connections that are dropped every few
        seconds; after each drop, retries the posts that got no ack (same cmid)."""
        sent, acked, i = {}, {}, 0
        while time.monotonic() < deadline:
            client = await connect(server, writer_user, label="writer")
            reconnects["writer"] += 1
            for cmid in [c for c in sent if c not in acked]:
                acked[cmid] = (await client.post(room, sent[cmid], cmid=cmid))["seq"]
            until = min(deadline, time.monotonic() + rng.uniform(*DROP_EVERY))
            pending = []

            async def one(cmid, fut, msg):
                try:
                    reply = await client.reply(fut, msg)
                except AssertionError:
                    return  # dropped before the ack: retried on the next connection
                assert reply.get("type") == "ack", f"post refused: {reply}"
                acked[cmid] = reply["seq"]

            while time.monotonic() < until:
                cmid, text = f"w-{i}", f"churn {i}"
                i += 1
                sent[cmid] = text
                msg = {"type": "post", "room": room, "text": text, "lang": "en", "cmid": cmid}
                pending.append(asyncio.create_task(one(cmid, await client.start_request(msg), msg)))
                await asyncio.sleep(1 / POSTS_PER_SECOND)
            await drop(client, rng.choice(("close", "reset")))
            await asyncio.gather(*pending)
        client = await connect(server, writer_user, label="writer-final")
        for cmid in [c for c in sent if c not in acked]:
            acked[cmid] = (await client.post(room, sent[cmid], cmid=cmid))["seq"]
        last = (await client.post(room, "the end", cmid="w-end"))["seq"]
        await client.close()
        return sent, acked, last

    async def reader(user, last_event: asyncio.Future):
        """Reconnects with resume from the last seq it saw, until it has seen `last`."""
        seen = []  # seqs over all connections, in arrival order
        while True:
            resume = seen[-1] if seen else 0
            client = await connect(server, user, label=f"{user.display_name}", resume={room: resume})
            reconnects[user.display_name] += 1
            if last_event.done() and resume >= last_event.result():
                await client.close()
                return seen
            if last_event.done():
                try:
                    await client.event(room, last_event.result(), client.hello_at)
                except AssertionError as e:
                    got = [ev["seq"] for ev in client.events(room, client.hello_at)]
                    raise AssertionError(f"{e}\nresumed from {resume}, synced {client.synced}, "
                                         f"got {len(got)} events {got[:3]}..{got[-3:]}") from None
                seen += [e["seq"] for e in client.events(room, client.hello_at)]
                await client.close()
                return seen
            await asyncio.sleep(rng.uniform(*DROP_EVERY))
            how = rng.choice(("close", "reset", "too big"))
            if how == "too big":
                # A frame over max_frame_bytes: the server closes the connection (1009).
                await client.send("x" * (client.welcome["limits"]["max_frame_bytes"] + 1))
                code = await client.wait_closed()
                assert code == 1009, f"{client.label}: an oversized frame closed with {code}, not 1009"
            else:
                await drop(client, how)
            seen += [e["seq"] for e in client.events(room, client.hello_at)]

    last_event = asyncio.get_running_loop().create_future()
    readers = [asyncio.create_task(reader(u, last_event)) for u in reader_users]
    sent, acked, last = await writer()
    last_event.set_result(last)
    seen_by = await asyncio.gather(*readers)

    for user, seen in zip(reader_users, seen_by):
        first_seq = 1
        if seen != list(range(first_seq, last + 1)):
            counts = Counter(seen)
            gaps = sorted(set(range(first_seq, last + 1)) - set(seen))
            twice = sorted(s for s, n in counts.items() if n > 1)
            raise AssertionError(f"{user.display_name} over {reconnects[user.display_name]} connections: "
                                 f"missing {gaps[:10]}, duplicated {twice[:10]}, in order: {seen == sorted(seen)}")

    check = await connect(server, writer_user, label="check", resume={room: 0})
    events = check.events(room, check.hello_at, check.index_of(check.synced))
    copies = Counter(e.get("cmid") for e in events if e["kind"] == "message")
    assert not [c for c, n in copies.items() if n > 1 and c], "posts stored twice"
    missing = [c for c in sent if c not in copies]
    assert not missing, f"{len(missing)} posts retried until acknowledged are not stored: {missing[:5]}"
    stored = {e["cmid"]: e["seq"] for e in events if e.get("cmid")}
    moved = [(c, s, stored[c]) for c, s in acked.items() if stored[c] != s]
    assert not moved, f"acknowledged seqs differ from the stored ones: {moved[:5]}"
    print(f"{len(sent)} posts, last seq {last}, connections: {dict(reconnects)}")
