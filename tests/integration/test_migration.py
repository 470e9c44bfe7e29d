"""Upgrading keeps every client's place (issue 7): a database written by the v1
binary (the committed dump tests/unit/storage/migrations/schema_v1.sql, with
messages, an edit and a reaction) is migrated when praxisd starts; a client that
saw its room up to some seq under v1 resumes with no gap and no duplicate, and
the room's numbering goes on from where v1 left it."""
import hashlib
import sqlite3
from pathlib import Path

from praxis_harness import FAST, async_test, connect, User

DUMP = Path(__file__).resolve().parents[1] / "unit/storage/migrations/schema_v1.sql"
TOKEN = "v1-ben-session-token"


def v1_database(data_dir: Path):
    """The v1 dump as a data folder, plus a login session for Ben (user 2) whose
    token we know (the dump's own session hashes no real token)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(data_dir / "praxis.db")
    db.executescript(DUMP.read_text())
    with db:
        db.execute("INSERT INTO sessions VALUES (?, 2, 1767225600000, 0, NULL)",
                   (hashlib.sha256(TOKEN.encode()).hexdigest(),))
    db.close()


@async_test
async def test_a_v1_position_resumes_without_gap_or_duplicate(start_praxis, tmp_path):
    server = start_praxis(FAST)
    server.stop()
    for f in server.data_dir.iterdir():
        f.unlink()
    v1_database(server.data_dir)
    server.admin = False  # the v1 database has its admin
    server.start()
    ben = User(2, "ben@partner.example", "", "Ben", TOKEN, "member")

    # Ben had seen room 1 up to seq 1 (the message) before the upgrade.
    client = await connect(server, ben, resume={1: 1})
    replayed = client.events(1, client.hello_at, client.index_of(client.synced))
    assert [e["seq"] for e in replayed] == [2, 3, 4], replayed
    assert [e["kind"] for e in replayed] == ["edit", "message", "reaction"]
    assert replayed[0]["text"] == "Has anyone tried dual VET with small firms?"
    assert replayed[1] == {**replayed[1], "stream": 1, "room": 1, "by": 2, "text": "Yes, in Bavaria.",
                           "reply_to": 1, "author_name": "Ben"}
    assert replayed[2] == {**replayed[2], "emoji": "👍", "on": True, "target": 3}
    assert client.synced["streams"] == {"1": 4}

    # Fully caught up: nothing again.
    again = await connect(server, ben, resume={1: 4})
    assert again.events(1, again.hello_at) == []

    # History is the v1 state, and numbering continues.
    page = await client.history(1)
    assert [m["seq"] for m in page["messages"]] == [1, 3]
    assert page["messages"][0]["edited_at"] is not None
    assert page["messages"][1]["reactions"] == {"👍": [1]}
    ack = await client.post(1, "after the upgrade")
    assert ack["seq"] == 5
    await again.event(1, 5)
    db = sqlite3.connect(server.data_dir / "praxis.db")
    assert db.execute("SELECT COUNT(*) FROM stream_events WHERE stream_id = 1").fetchone() == (5,)
    db.close()
