"""Failures stay contained (PROTOCOL.md 2 and 5): a connection that never says hello
is closed with 4001; a request that fails inside the server is answered `internal`
with its rid; a storage error in work posted to a connection (not a request) closes
that connection with 1011 while the process and every other connection go on."""
import asyncio
import sqlite3

from praxis_harness import FAST, WAIT, async_test, connect, open_ws, users_in_room


def break_table(server, table):
    """Renames a table under the running server, as an I/O error or a newer schema
    would break a query: every statement that reads it fails from then on."""
    db = sqlite3.connect(server.data_dir / "praxis.db", timeout=WAIT)
    try:
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_gone")
        db.commit()
    finally:
        db.close()


@async_test
async def test_no_hello_closes_with_4001(start_praxis):
    server = start_praxis({"handshake-timeout-seconds": 1})
    user = server.new_user("Silent")
    ws = await open_ws(server, token=user.token)
    # A connection that did say hello is not affected by the deadline.
    greeted = await connect(server, server.new_user("Talker"))
    await asyncio.wait_for(ws.wait_closed(), WAIT)
    assert ws.close_code == 4001, f"expected close 4001 for a missing hello, got {ws.close_code}"
    await greeted.ping()
    assert not greeted.closed


@async_test
async def test_a_failed_request_is_answered_internal_with_its_rid(start_praxis):
    server = start_praxis(FAST)
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    break_table(server, "room_mentions")  # rooms_list counts mentions
    reply = await ann.expect_error({"type": "rooms_list", "rid": "r-broken"}, "internal")
    assert reply["rid"] == "r-broken"
    assert not ann.closed, "a failed request must not cost the connection"
    await ann.post(room, "still here")
    assert "request_failed" in server.log_text()


@async_test
async def test_storage_error_in_posted_work_closes_one_connection_with_1011(start_praxis):
    server = start_praxis(FAST)
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem")
    first = await ann.post(room, "before")
    await ben.event(room, first["seq"])
    break_table(server, "room_mentions")
    # The read marker commits; counting unread for Ben's connections afterwards is work
    # posted to them, outside any request, and now fails.
    await ben.send({"type": "read", "room": room, "seq": first["seq"]})
    assert await ben.wait_closed() == 1011
    assert "task_failed" in server.log_text()
    # The process and the other connections go on.
    since = cem.mark()
    ack = await ann.post(room, "after")
    await cem.event(room, ack["seq"], since)
    assert server.proc.poll() is None, "praxisd exited"
    again = await connect(server, ben.user)
    await again.ping()
