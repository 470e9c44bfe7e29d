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


class Ledger:
    """What one room holds, as far as checked: the events from seq 1 to `last`, by cmid.
    Each kill's reader resumes from `last`, so a check reads only what is new."""

    def __init__(self, room):
        self.room = room
        self.last = 0
        self.stored = {}  # cmid -> event

    def add(self, events, where):
        """events: the replay after self.last. Contiguous seqs; no cmid stored twice."""
        seqs = [e["seq"] for e in events]
        expected = list(range(self.last + 1, self.last + 1 + len(seqs)))
        assert seqs == expected, (f"{where}: room {self.room}: seqs after {self.last} are not contiguous: "
                                  f"first gap near {next((x for s, x in zip(seqs, expected) if s != x), None)}")
        for e in events:
            if e["kind"] == "message" and e.get("cmid"):
                assert e["cmid"] not in self.stored, \
                    f"{where}: room {self.room}: {e['cmid']} stored twice (seqs {self.stored[e['cmid']]['seq']}, {e['seq']})"
                self.stored[e["cmid"]] = e
        self.last = seqs[-1] if seqs else self.last

    def check(self, acked, sent, where):
        """Each acknowledged post stored with its acknowledged seq; each sent post stored
        with its text (every post without an ack was retried until it got one)."""
        lost = [(cmid, seq) for cmid, seq in acked.items() if cmid not in self.stored]
        assert not lost, f"{where}: room {self.room}: {len(lost)} acknowledged posts lost, e.g. {lost[:5]}"
        moved = [(cmid, seq, self.stored[cmid]["seq"]) for cmid, seq in acked.items()
                 if self.stored[cmid]["seq"] != seq]
        assert not moved, f"{where}: room {self.room}: acknowledged seqs changed (cmid, acked, stored): {moved[:5]}"
        missing = [cmid for cmid in sent if cmid not in self.stored]
        assert not missing, f"{where}: room {self.room}: {len(missing)} retried posts missing: {missing[:5]}"
        wrong = [cmid for cmid, text in sent.items() if self.stored[cmid]["text"] != text]
        assert not wrong, f"{where}: room {self.room}: stored text differs from the sent text for {wrong[:5]}"


async def read_and_check(server, user, ledgers, acked, sent, label, where, timeout=WAIT):
    """Resumes each room from its ledger and checks what comes."""
    reader = await connect(server, user, label=label, resume={room: l.last for room, l in ledgers.items()},
                           timeout=timeout)
    synced_at = reader.index_of(reader.synced)
    for room, ledger in ledgers.items():
        ledger.add(reader.events(room, reader.hello_at, synced_at), where)
        ledger.check(acked[room], sent[room], where)
    await reader.close()


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
    ledgers = {room: Ledger(room) for room in rooms}
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
        await read_and_check(server, users[0], ledgers, acked, sent, f"k{kill}-reader", where)
        print(f"{where}: after {delay:.2f}s, {sum(len(s.acks) for s in streams)} acks, "
              f"{sum(len(s.sent) for s in streams)} sent")

    # Last, everything once more from seq 1: no later kill lost an earlier post.
    fresh = {room: Ledger(room) for room in rooms}
    await read_and_check(server, users[0], fresh, acked, sent, "final-reader", f"after {kills} kills",
                         timeout=10 * WAIT)
    total = sum(len(a) for a in acked.values())
    assert total >= kills, f"only {total} posts were acknowledged over {kills} kills: the load did not run"
