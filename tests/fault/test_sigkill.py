"""SIGKILL at random moments under load, repeated (issue #4): after every kill the
database passes PRAGMA integrity_check, and after the restart no acknowledged post
is lost and none is stored twice, also when the clients retry every post they got
no ack for (same cmid). 20 kills in the test command; --soak multiplies them.
PRAXIS_FAULT_SEED=N replays one sequence of kill moments."""
import asyncio
import os
import random
import signal
import sqlite3
from collections import Counter

from praxis_harness import FAST, WAIT, async_test, connect, make_room, post_stream

KILLS = 20
WRITERS = 3
# The kill comes this long after the load starts (uniformly at random).
KILL_WINDOW = (0.05, 1.2)


def integrity_check(db_path) -> str:
    """PRAGMA integrity_check on the database a killed praxisd left (read-only: the
    WAL is left for praxisd's own recovery on restart)."""
    assert db_path.exists(), f"no database at {db_path}"
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=WAIT)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows)


def assert_exactly_once(events, acked, sent, room):
    """events: the room's replay from seq 1. Contiguous seqs; each cmid at most once;
    each acknowledged post there with its acknowledged seq; each sent post there."""
    seqs = [e["seq"] for e in events]
    assert seqs == list(range(1, len(seqs) + 1)), \
        f"room {room}: seqs are not 1..{len(seqs)}: first gap near {next((i + 1 for i, s in enumerate(seqs) if s != i + 1), None)}"
    messages = [e for e in events if e["kind"] == "message" and e.get("cmid")]
    copies = Counter(e["cmid"] for e in messages)
    twice = [c for c, n in copies.items() if n > 1]
    assert not twice, f"room {room}: {len(twice)} posts stored more than once, e.g. {twice[:5]}"
    by_cmid = {e["cmid"]: e for e in messages}
    lost = [(cmid, seq) for cmid, seq in acked.items() if cmid not in by_cmid]
    assert not lost, f"room {room}: {len(lost)} acknowledged posts lost, e.g. {lost[:5]}"
    moved = [(cmid, seq, by_cmid[cmid]["seq"]) for cmid, seq in acked.items() if by_cmid[cmid]["seq"] != seq]
    assert not moved, f"room {room}: acknowledged seqs changed (cmid, acked, stored): {moved[:5]}"
    missing = [cmid for cmid in sent if cmid not in by_cmid]
    assert not missing, f"room {room}: {len(missing)} posts retried until acknowledged are missing: {missing[:5]}"
    wrong = [cmid for cmid, text in sent.items() if by_cmid[cmid]["text"] != text]
    assert not wrong, f"room {room}: stored text differs from the sent text for {wrong[:5]}"


@async_test
async def test_sigkill_under_load_loses_and_duplicates_nothing(start_praxis, soak):
    seed = int(os.environ.get("PRAXIS_FAULT_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    print(f"PRAXIS_FAULT_SEED={seed}")
    server = start_praxis({**FAST, "resume-max-events": 10000000})
    users = [server.new_user(f"Writer{i}") for i in range(WRITERS)]
    clients = [await connect(server, u) for u in users]
    rooms = [await make_room(clients[0], *clients[1:]), await make_room(clients[1], *clients[::2])]
    for c in clients:
        await c.close()
    # Everything ever sent, by room: cmid -> text; and every ack: cmid -> seq.
    sent = {room: {} for room in rooms}
    acked = {room: {} for room in rooms}
    kills = int(KILLS * soak)

    for kill in range(1, kills + 1):
        where = f"kill {kill}/{kills} (PRAXIS_FAULT_SEED={seed})"
        clients = [await connect(server, u, label=f"k{kill}-{u.display_name}") for u in users]
        delay = rng.uniform(*KILL_WINDOW)
        loop = asyncio.get_running_loop()
        timer = loop.call_later(delay, server.signal, signal.SIGKILL)
        streams = await asyncio.gather(*(post_stream(c, rooms, 1 << 30, window=rng.choice((1, 4, 16)))
                                         for c in clients))
        timer.cancel()
        assert await asyncio.to_thread(server.wait_exit) == -signal.SIGKILL, f"{where}: praxisd did not die of SIGKILL"
        errors = [e for s in streams for e in s.errors]
        assert not errors, f"{where}: posts refused under load: {errors[:5]}"
        for s in streams:
            for room, cmid, text in s.sent:
                sent[room][cmid] = text
            for ack in s.acks:
                acked[ack["room"]][ack["cmid"]] = ack["seq"]

        check = await asyncio.to_thread(integrity_check, server.data_dir / "praxis.db")
        assert check == "ok", f"{where}: PRAGMA integrity_check after SIGKILL: {check}"

        await asyncio.to_thread(server.start)
        # Every post that got no ack is retried with its cmid: stored once whatever happened.
        for user, s in zip(users, streams):
            unacked = {cmid for _, cmid, _ in s.sent} - {a["cmid"] for a in s.acks}
            if not unacked:
                continue
            retry = await connect(server, user, label=f"k{kill}-retry-{user.display_name}")
            for room, cmid, text in s.sent:
                if cmid in unacked:
                    ack = await retry.post(room, text, cmid=cmid)
                    acked[room][cmid] = ack["seq"]
            await retry.close()
        reader = await connect(server, users[0], label=f"k{kill}-reader", resume={room: 0 for room in rooms})
        synced_at = reader.index_of(reader.synced)
        for room in rooms:
            assert_exactly_once(reader.events(room, reader.hello_at, synced_at), acked[room], sent[room], room)
        await reader.close()
        print(f"{where}: after {delay:.2f}s, {sum(len(s.acks) for s in streams)} acks, "
              f"{sum(len(s.sent) for s in streams)} sent")

    total = sum(len(a) for a in acked.values())
    assert total >= kills, f"only {total} posts were acknowledged over {kills} kills: the load did not run"
