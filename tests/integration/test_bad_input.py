"""Bad input on the WebSocket (PROTOCOL.md 2-5): every refused request is answered
with the documented error code (and its rid, where the frame could be parsed),
changes nothing, and leaves a well-behaved client connected meanwhile chatting fine.
Limits are tested at their edge: at the limit accepted, one over refused."""
import asyncio
import json
import time
from dataclasses import dataclass

import pytest

from praxis_harness import (FAST, WAIT, ServerPool, User, async_test, connect, make_room, run, upgrade_status,
                            users_in_room)

MAX_FRAME = 4096
MAX_TEXT = 50
NO_ROOM = 999_999


@dataclass
class Env:
    server: object
    bad: User  # sends the bad input; a member of room
    good: User  # owns room; chats after each case
    owner: User  # owns the private room
    room: int
    target: int  # a message of good's in room
    private: int
    private_target: int


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """One server for the table-driven cases (each case changes nothing, by the spec)."""
    with ServerPool(tmp_path_factory.mktemp("bad_input")) as pool:
        server = pool.start({**FAST, "max-frame-bytes": MAX_FRAME, "max-text-chars": MAX_TEXT})
        bad, good, owner = server.new_user("Bad"), server.new_user("Good"), server.new_user("Owner")

        async def setup():
            b, g, o = [await connect(server, user) for user in (bad, good, owner)]
            room = await make_room(g, b)
            private = await make_room(o, visibility="private")
            return room, (await g.post(room, "target"))["seq"], private, (await o.post(private, "secret"))["seq"]

        yield Env(server, bad, good, owner, *run(setup()))


async def snapshot(client) -> dict:
    """{room id: last_seq} of every room the client can see."""
    return {room_id: room["last_seq"] for room_id, room in (await client.rooms()).items()}


async def assert_good_chats(env, good, before):
    """Nothing changed since before (good's snapshot), and good still chats."""
    assert await snapshot(good) == before, "a refused request changed a room"
    ack = await good.post(env.room, "still chatting")
    assert ack["seq"] == before[env.room] + 1, "something was added to the room meanwhile"
    await good.event(env.room, ack["seq"])


async def clients(env):
    bad, good = await connect(env.server, env.bad), await connect(env.server, env.good)
    return bad, good, await snapshot(good)


class Slot:
    """A placeholder in a table frame, filled from Env."""
    def __init__(self, attr):
        self.attr = attr


ROOM, TARGET = Slot("room"), Slot("target")
AUTO_RID = "bad-rid"


def fill(value, env):
    if isinstance(value, Slot):
        return getattr(env, value.attr)
    if isinstance(value, dict):
        return {k: fill(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, env) for v in value]
    return value


def case(name, frame, *codes, rid=AUTO_RID):
    """A table row. Dict frames get rid "bad-rid" (unless they set their own), which
    the error must carry; str/bytes frames are sent as they are (text/binary)."""
    if isinstance(frame, dict) and "rid" not in frame and rid == AUTO_RID:
        frame = {**frame, "rid": AUTO_RID}
    elif rid == AUTO_RID:
        rid = None
    return pytest.param(frame, codes, rid, id=name)


def post(**fields):
    return {"type": "post", "room": ROOM, "text": "hi", "lang": "en", **fields}


def without(msg, key):
    return {k: v for k, v in msg.items() if k != key}


LANG_35 = "de-Latn-DE-1996-x-abcdefgh-abcdefgh"  # a well-formed BCP 47 tag of 35 bytes
EDIT = {"type": "edit", "room": ROOM, "target": TARGET, "text": "changed"}
REACT = {"type": "react", "room": ROOM, "target": TARGET, "emoji": "👍", "on": True}
CREATE = {"type": "room_create", "name": "Never created", "visibility": "open"}

CASES = [
    case("truncated json", '{"type": "ping", "rid": "x"', "bad_json"),
    case("json array", '[{"type": "ping", "rid": "x"}]', "bad_json"),
    case("json number", "42", "bad_json"),
    case("json string", '"ping"', "bad_json"),
    case("json null", "null", "bad_json"),
    case("empty frame", "", "bad_json"),
    case("two messages in one frame", '{"type": "ping", "rid": "a"}\n{"type": "ping", "rid": "b"}', "bad_json"),
    case("deeply nested array", "[" * 2000 + "]" * 2000, "bad_json"),
    case("binary frame, bad utf-8", b'{"type": "ping", "rid": "\xff\xfe"}', "bad_utf8"),
    case("binary frame, utf-8 surrogate", b'{"type": "ping", "rid": "\xed\xa0\x80"}', "bad_utf8"),
    # Deeper than 32 levels is refused before it is built (copies recurse).
    case("deeply nested object", '{"rid": "deep", "a": ' + '{"a": ' * 500 + "1" + "}" * 501, "bad_json"),
    case("nested 32 levels", '{"rid": "ok", "a": ' + "[" * 31 + "]" * 31 + "}", "unknown_type", rid="ok"),
    case("unknown type", {"type": "fly"}, "unknown_type"),
    case("missing type", {}, "unknown_type"),
    case("type not a string", {"type": 5}, "unknown_type", "bad_field"),
    case("server message type", {"type": "welcome"}, "unknown_type"),
    case("type in capitals", {"type": "PING"}, "unknown_type"),
    case("rid of 65 bytes", {"type": "ping", "rid": "r" * 65}, "bad_field", rid=None),
    case("rid an object", {"type": "ping", "rid": {"a": 1}}, "bad_field", rid=None),
    case("post: room as string", post(room="1"), "bad_field"),
    case("post: room missing", without(post(), "room"), "bad_field"),
    case("post: room fractional", post(room=1.5), "bad_field"),
    case("post: room negative", post(room=-1), "bad_field", "forbidden"),
    case("post: room beyond 64 bits", post(room=10 ** 30), "bad_field", "forbidden"),
    case("post: text missing", without(post(), "text"), "bad_field"),
    case("post: text a number", post(text=5), "bad_field"),
    case("post: text null", post(text=None), "bad_field"),
    case("post: text empty", post(text=""), "bad_field"),
    case("post: lang missing", without(post(), "lang"), "bad_field"),
    case("post: lang of 36 bytes", post(lang=LANG_35[:-1] + "-a"), "bad_field"),
    case("post: cmid of 65 bytes", post(cmid="c" * 65), "bad_field"),
    case("post: cmid a number", post(cmid=5), "bad_field"),
    case("post: mentions not a list", post(mentions=7), "bad_field"),
    case("post: mentions of strings", post(mentions=["7"]), "bad_field"),
    case("post: reply_to a string", post(reply_to="1"), "bad_field"),
    case("edit: target missing", without(EDIT, "target"), "bad_field"),
    case("edit: target a string", {**EDIT, "target": "1"}, "bad_field"),
    case("edit: text missing", without(EDIT, "text"), "bad_field"),
    case("delete: target missing", {"type": "delete", "room": ROOM}, "bad_field"),
    case("react: emoji empty", {**REACT, "emoji": ""}, "bad_field"),
    case("react: emoji of 33 bytes", {**REACT, "emoji": "👍" * 8 + "a"}, "bad_field"),
    case("react: on missing", without(REACT, "on"), "bad_field"),
    case("react: on a string", {**REACT, "on": "yes"}, "bad_field"),
    case("history: limit a string", {"type": "history", "room": ROOM, "limit": "5"}, "bad_field"),
    case("history: before a string", {"type": "history", "room": ROOM, "before": "5"}, "bad_field"),
    case("read: seq missing", {"type": "read", "room": ROOM}, "bad_field"),
    case("read: seq a string", {"type": "read", "room": ROOM, "seq": "1"}, "bad_field"),
    case("room_create: name empty", {**CREATE, "name": ""}, "bad_field"),
    case("room_create: name of 101 characters", {**CREATE, "name": "ä" * 101}, "bad_field"),
    case("room_create: topic of 501 characters", {**CREATE, "topic": "t" * 501}, "bad_field"),
    case("room_create: unknown visibility", {**CREATE, "visibility": "secret"}, "bad_field"),
    case("room_create: visibility missing", without(CREATE, "visibility"), "bad_field"),
    case("room_join: room missing", {"type": "room_join"}, "bad_field"),
    case("room_invite: user a string", {"type": "room_invite", "room": ROOM, "user": "1"}, "bad_field"),
]

PUSHES = {"event", "presence", "typing"}

AT_LIMIT = [
    pytest.param(post(lang=LANG_35), "ack", id="post: lang of 35 bytes"),
    pytest.param(post(cmid="c" * 64), "ack", id="post: cmid of 64 bytes"),
    pytest.param({**REACT, "emoji": "👍" * 8}, "ack", id="react: emoji of 32 bytes"),
    pytest.param({**CREATE, "name": "ä" * 100, "topic": "t" * 500}, "room", id="room_create: name 100, topic 500"),
]


@pytest.mark.parametrize("frame,reply_type", AT_LIMIT)
@async_test
async def test_field_at_limit_accepted(env, frame, reply_type):
    bad, _, _ = await clients(env)
    await bad.expect_reply(fill(frame, env), reply_type)


@pytest.mark.parametrize("frame,codes,rid", CASES)
@async_test
async def test_refused(env, frame, codes, rid):
    bad, good, before = await clients(env)
    mine = await snapshot(bad)
    since = bad.mark()
    await bad.send(fill(frame, env))
    error = await bad.wait_type("error", since)
    assert error["code"] in codes, f"expected {' or '.join(codes)}, got {error}"
    if rid is not None:
        assert error.get("rid") == rid, f"the error does not carry the request's rid {rid!r}: {error}"
    pong = await bad.expect_reply({"type": "ping"}, "pong")  # the connection stays usable
    other = [m for m in bad.messages[since:] if m is not error and m is not pong and m.get("type") not in PUSHES]
    assert not other, f"besides the error the server answered {other}"
    assert await snapshot(bad) == mine, "a refused request changed something"
    await assert_good_chats(env, good, before)


@async_test
async def test_welcome_reports_limits(env):
    bad, _, _ = await clients(env)
    limits = bad.welcome["limits"]
    assert (limits["max_frame_bytes"], limits["max_text_chars"]) == (MAX_FRAME, MAX_TEXT), limits


@async_test
async def test_invalid_utf8_text_frame_closes_1007(env):
    bad, good, before = await clients(env)
    frame = b'{"type": "post", "room": %d, "text": "\xff\xfe", "lang": "en"}' % env.room
    await bad.ws.write_frame(True, 0x1, frame)  # a text frame, bypassing the library's encoding
    assert await bad.wait_closed() == 1007, f"close code {bad.close_code}, expected 1007 (RFC 6455 8.1)"
    await assert_good_chats(env, good, before)


def padded(msg: dict, size: int) -> str:
    """msg as JSON, padded with spaces to exactly size bytes."""
    text = json.dumps(msg)
    assert len(text.encode()) <= size
    return text + " " * (size - len(text.encode()))


@async_test
async def test_frame_at_limit_accepted(env):
    bad, _, _ = await clients(env)
    since = bad.mark()
    await bad.send(padded({"type": "ping", "rid": "full"}, MAX_FRAME))
    pong = await bad.wait_for(lambda m: m.get("rid") == "full", "the reply to a frame of max_frame_bytes", since)
    assert pong["type"] == "pong", pong


@async_test
async def test_frame_over_limit_closes_1009(env):
    bad, good, before = await clients(env)
    await bad.send(padded({"type": "post", "room": env.room, "text": "too big", "lang": "en"}, MAX_FRAME + 1))
    assert await bad.wait_closed() == 1009, f"close code {bad.close_code}, expected 1009"
    await assert_good_chats(env, good, before)


@pytest.mark.parametrize("kind", ["post", "edit"])
@async_test
async def test_text_length_limit(env, kind):
    bad, good, _ = await clients(env)
    own = (await bad.post(env.room, "my words"))["seq"]
    before = await snapshot(good)

    def request(text):
        if kind == "post":
            return {"type": "post", "room": env.room, "text": text, "lang": "en"}
        return {"type": "edit", "room": env.room, "target": own, "text": text}

    at_limit = "😀" * MAX_TEXT  # code points, not bytes: 4 bytes each
    await bad.expect_error(request(at_limit + "a"), "text_too_long")
    await assert_good_chats(env, good, before)
    await bad.expect_reply(request(at_limit), "ack")


HIDDEN = [
    ("history", lambda room, target, user: {"type": "history", "room": room}),
    ("post", lambda room, target, user: {"type": "post", "room": room, "text": "hi", "lang": "en"}),
    ("edit", lambda room, target, user: {"type": "edit", "room": room, "target": target, "text": "x"}),
    ("delete", lambda room, target, user: {"type": "delete", "room": room, "target": target}),
    ("react", lambda room, target, user: {"type": "react", "room": room, "target": target, "emoji": "👍",
                                          "on": True}),
    ("read", lambda room, target, user: {"type": "read", "room": room, "seq": target}),
    ("room_members", lambda room, target, user: {"type": "room_members", "room": room}),
    ("room_join", lambda room, target, user: {"type": "room_join", "room": room}),
    ("room_invite", lambda room, target, user: {"type": "room_invite", "room": room, "user": user}),
]


@pytest.mark.parametrize("which", ["private", "nonexistent"])
@pytest.mark.parametrize("make", [m for _, m in HIDDEN], ids=[name for name, _ in HIDDEN])
@async_test
async def test_room_one_may_not_see(env, make, which):
    bad, good, before = await clients(env)
    owner = await connect(env.server, env.owner)
    owners_view = await snapshot(owner)
    room, target = (env.private, env.private_target) if which == "private" else (NO_ROOM, 1)
    await bad.expect_error(make(room, target, bad.user_id), "forbidden")
    assert await snapshot(owner) == owners_view, "the private room changed"
    assert room not in await bad.rooms(), "the refused user now sees the room"
    await assert_good_chats(env, good, before)


@async_test
async def test_private_and_nonexistent_rooms_look_alike(env):
    bad, _, _ = await clients(env)
    errors = [await bad.expect_error({"type": "history", "room": room}, "forbidden")
              for room in (env.private, NO_ROOM)]
    texts = [e["message"].replace(str(room), "N") for e, room in zip(errors, (env.private, NO_ROOM))]
    assert texts[0] == texts[1], f"the error tells a private room from a missing one: {texts}"


# --------------------------------------------------------------------------- limits with their own server


RATE, BURST = 1, 5


@async_test
async def test_rate_limit(start_praxis):
    server = start_praxis({"messages-per-second": RATE, "messages-burst": BURST})
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")  # Ann owns the room
    ann_too = await connect(server, ann.user)  # the limit is per user, over all connections
    target = (await ben.post(room, "Ben's"))["seq"]

    started = time.monotonic()
    burst = [await (ann, ann_too)[i % 2].start_request({"type": "post", "room": room, "text": f"b{i}",
                                                         "lang": "en"}) for i in range(BURST)]
    burst_replies = [await ann.reply(f, "a post of the burst") for f in burst]
    extra_msgs = [{"type": "post", "room": room, "text": "one more", "lang": "en"},
                  {"type": "react", "room": room, "target": target, "emoji": "👍", "on": True},
                  {"type": "delete", "room": room, "target": target}]
    extra = [await ann.start_request(msg) for msg in extra_msgs]
    extra_replies = [await ann.reply(f, msg) for f, msg in zip(extra, extra_msgs)]
    refills = int((time.monotonic() - started) * RATE)  # tokens regained meanwhile (0 unless very slow)

    assert all(r["type"] == "ack" for r in burst_replies), f"the burst was not allowed: {burst_replies}"
    limited = [r for r in extra_replies if r["type"] == "error" and r["code"] == "rate_limited"]
    assert len(extra_replies) - len(limited) <= refills, f"over the burst, not rate_limited: {extra_replies}"
    last = max(r["seq"] for r in burst_replies + extra_replies if r["type"] == "ack")
    assert (await ann.rooms())[room]["last_seq"] == last, "a rate-limited request changed the room"

    await ann.history(room)  # reading is not limited
    assert (await ben.post(room, "other users are not limited"))["seq"] == last + 1
    await asyncio.sleep(1.5 / RATE)  # the bucket refills with time
    await ann.post(room, "after a pause")


@async_test
async def test_connections_per_address(start_praxis):
    server = start_praxis({**FAST, "max-connections-per-address": 3})
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    third = await connect(server, ann.user)  # exactly the limit: accepted
    assert await upgrade_status(server, token=ann.user.token) == 429, "the connection over the limit"
    await connect(server, ann.user, local_addr=("127.0.0.2", 0))  # another address counts apart
    ack = await ben.post(room, "still chatting")
    await ann.event(room, ack["seq"])

    await third.close()
    deadline = time.monotonic() + WAIT
    while (status := await upgrade_status(server, token=ann.user.token)) != 101:
        assert status == 429 and time.monotonic() < deadline, f"a freed slot was not given back (HTTP {status})"
        await asyncio.sleep(0.05)


@async_test
async def test_rooms_per_user(start_praxis):
    server = start_praxis({**FAST, "max-rooms-per-user": 3})
    ann, ben, cem = [await connect(server, server.new_user(name)) for name in ("Ann", "Ben", "Cem")]
    mine = [await make_room(ann) for _ in range(2)]
    mine.append(await make_room(ben, ann))  # exactly the limit: allowed
    open_room = await make_room(ben)
    private = await make_room(cem, visibility="private")
    since = ann.mark()

    await ann.expect_error({"type": "room_create", "name": "One too many", "visibility": "open"}, "too_many_rooms")
    await ann.expect_error({"type": "room_join", "room": open_room}, "too_many_rooms")
    await cem.expect_error({"type": "room_invite", "room": private, "user": ann.user_id}, "too_many_rooms")
    await ann.ping()
    assert not ann.of_type("room", since), "a refused invitation reached the invitee"
    rooms = await ann.rooms()
    assert sorted(r for r, room in rooms.items() if room["member"]) == sorted(mine), rooms
    assert "One too many" not in [room["name"] for room in rooms.values()], "the refused room was created"

    await ann.expect_reply({"type": "room_leave", "room": mine[2]}, "left")
    await ann.expect_reply({"type": "room_join", "room": open_room}, "room")
    ack = await ben.post(open_room, "welcome")
    await ann.event(open_room, ack["seq"])
