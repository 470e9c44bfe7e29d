"""Streams (PROTOCOL.md, "Streams"): every live object is a stream with its own
sequence; a client gets its standing streams at hello (a room for its members)
and subscribes to others on demand, with `after` to catch up first; volatile
broadcasts (typing, presence) carry no seq; resume is keyed by stream."""
import pytest

from praxis_harness import FAST, async_test, connect, make_room, users_in_room


@pytest.fixture
def server(start_praxis):
    return start_praxis(FAST)


@async_test
async def test_subscribe_with_after_replays_then_goes_live(server):
    room, (ann,) = await users_in_room(server, "Ann")
    acks = [await ann.post(room, f"m{i}") for i in range(5)]
    eve = await connect(server, server.new_user("Eve"))  # not a member of the open room
    since = eve.mark()
    reply = await eve.expect_reply({"type": "subscribe", "stream": room, "after": acks[1]["seq"]},
                                   "subscribed")
    assert reply["stream"] == room and reply["seq"] == acks[-1]["seq"], reply
    replayed = eve.events(room, since, eve.index_of(reply))
    assert [e["seq"] for e in replayed] == [a["seq"] for a in acks[2:]]
    assert all(e["stream"] == room for e in replayed)
    live = await ann.post(room, "live")
    event = await eve.event(room, live["seq"], since)
    assert event["text"] == "live" and event["stream"] == room

    await eve.expect_reply({"type": "unsubscribe", "stream": room}, "unsubscribed")
    later = await ann.post(room, "not for Eve any more")
    await ann.event(room, later["seq"])
    await eve.ping()
    assert not [e for e in eve.events(room, since) if e["seq"] == later["seq"]]


@async_test
async def test_subscribe_without_after_is_live_from_now(server):
    room, (ann,) = await users_in_room(server, "Ann")
    first = await ann.post(room, "before")
    eve = await connect(server, server.new_user("Eve"))
    since = eve.mark()
    reply = await eve.expect_reply({"type": "subscribe", "stream": room}, "subscribed")
    assert reply["seq"] == first["seq"]
    second = await ann.post(room, "after")
    await eve.event(room, second["seq"], since)
    assert [e["seq"] for e in eve.events(room, since)] == [second["seq"]]


@async_test
async def test_streams_one_may_not_read_look_alike(server):
    private, (ann,) = await users_in_room(server, "Ann", visibility="private")
    eve = await connect(server, server.new_user("Eve"))
    a = await eve.expect_error({"type": "subscribe", "stream": private, "after": 0}, "forbidden")
    b = await eve.expect_error({"type": "subscribe", "stream": private + 1000}, "forbidden")
    assert a["message"] == b["message"], "a private room and no room must look alike"
    await eve.expect_error({"type": "subscribe", "stream": 0}, "bad_field")


@async_test
async def test_looking_in_is_not_presence(server):
    room, (ann,) = await users_in_room(server, "Ann")
    eve = await connect(server, server.new_user("Eve"))
    since = ann.mark()
    await eve.expect_reply({"type": "subscribe", "stream": room}, "subscribed")
    await ann.ping()
    assert not [m for m in ann.of_type("presence", since) if m["user"] == eve.user_id]
    rooms = await ann.rooms()
    assert eve.user_id not in rooms[room]["online"]


@async_test
async def test_volatile_broadcasts_carry_no_seq(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    since = ann.mark()
    await ben.send({"type": "typing", "room": room})
    typing = await ann.wait_type("typing", since, room=room)
    cem = await connect(server, server.new_user("Cem"))
    await cem.expect_reply({"type": "room_join", "room": room}, "room")
    presence = await ann.wait_type("presence", since, room=room, user=cem.user_id)
    for m in (typing, presence):
        assert "seq" not in m and m["stream"] == room, m
    ack = await ben.post(room, "a stored event")
    await ann.event(room, ack["seq"], since)
    assert (await ann.rooms())[room]["last_seq"] == ack["seq"], "a volatile broadcast took a seq"


@async_test
async def test_resume_is_keyed_by_stream(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    other = await make_room(ann, ben)
    seen = await ann.post(room, "seen")
    await ben.event(room, seen["seq"])
    await ben.close()
    missed = [await ann.post(room, f"missed {i}") for i in range(3)]
    quiet_last = (await ann.rooms())[other]["last_seq"]
    again = await connect(server, ben.user, resume={room: seen["seq"], other: quiet_last})
    replayed = again.events(room, again.hello_at, again.index_of(again.synced))
    assert [e["seq"] for e in replayed] == [m["seq"] for m in missed]
    assert again.synced["streams"] == {str(room): missed[-1]["seq"], str(other): quiet_last}
