"""Live chat over the WebSocket protocol (PROTOCOL.md section 2): messages, replies,
mentions, edits, deletions, reactions, history, presence, typing, read markers,
idempotent retries, room lists and member lists."""
import time

import pytest

from praxis_harness import FAST, async_test, connect, eventually, make_room, post_stream, users_in_room

MESSAGE_KEYS = {"seq", "by", "author_name", "at", "text", "lang", "reply_to", "mentions", "edited_at",
                "deleted", "reactions"}


@pytest.fixture
def server(start_praxis):
    return start_praxis(FAST)


def react(room, target, emoji, on):
    return {"type": "react", "room": room, "target": target, "emoji": emoji, "on": on}


async def wait_connections(server, n):
    """Until the server has processed opens/closes so that n connections remain."""
    await eventually(lambda: server.metric("praxis_connections") == n, f"praxis_connections == {n}")


@async_test
async def test_welcome(server):
    ann = server.new_user("Ann")
    client = await connect(server, ann)
    welcome = client.welcome
    assert welcome["version"] == 1, welcome
    assert welcome["user"]["id"] == ann.id and welcome["user"]["display_name"] == "Ann", welcome
    limits = welcome["limits"]
    assert limits == {**limits, "max_frame_bytes": 65536, "max_text_chars": 10000, "history_page_max": 100}, \
        f"welcome limits are not the defaults: {limits}"
    assert client.synced["streams"] == {}, f"a new user is in no room: {client.synced}"


@async_test
async def test_config_file(start_praxis, tmp_path):
    config = tmp_path / "praxis.conf"
    config.write_text("max_text_chars = 42\nhistory_page_max = 7\n")
    server = start_praxis({"config": config})
    limits = (await connect(server, server.new_user("Ann"))).welcome["limits"]
    assert (limits["max_text_chars"], limits["history_page_max"]) == (42, 7), f"--config was ignored: {limits}"


@pytest.mark.parametrize("rid", [14, "r" * 64, "", 0], ids=["integer", "64 bytes", "empty string", "zero"])
@async_test
async def test_rid_is_echoed(server, rid):
    client = await connect(server, server.new_user("Ann"))
    pong = await client.request({"type": "ping", "rid": rid})
    assert pong == {**pong, "type": "pong", "rid": rid}, pong
    assert type(pong["rid"]) is type(rid), f"rid {rid!r} came back as {pong['rid']!r}"


@async_test
async def test_room_create(server):
    ann = await connect(server, server.new_user("Ann"))
    ben = await connect(server, server.new_user("Ben"))
    msg = {"type": "room_create", "name": "Work-based learning", "visibility": "open",
           "topic": "Apprenticeship schemes that worked"}
    room = (await ann.expect_reply(msg, "room"))["room"]
    assert room == {**room, "name": msg["name"], "topic": msg["topic"], "visibility": "open", "member": True,
                    "role": "owner"}, room
    assert isinstance(room["id"], int) and room["id"] > 0 and isinstance(room["last_seq"], int), room
    seen = (await ben.rooms())[room["id"]]
    assert seen["name"] == msg["name"] and seen["member"] is False, seen


@async_test
async def test_message_reaches_other_member_live(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    since_ann, since_ben = ann.mark(), ben.mark()
    text = "Has anyone tried **dual VET** with SMEs?"
    ack = await ann.post(room, text, lang="en", cmid="c-5f1b2")
    event = await ben.event(room, ack["seq"], since_ben)
    assert event == {**event, "kind": "message", "by": ann.user_id, "author_name": "Ann", "text": text,
                     "lang": "en", "reply_to": None, "mentions": [], "cmid": "c-5f1b2"}, event
    assert abs(event["at"] - time.time() * 1000) < 600_000, f"'at' is not now in ms: {event}"
    own = await ann.event(room, ack["seq"], since_ann)
    assert ann.index_of(ack) < ann.index_of(own), "the author got the event before the ack"
    assert (await ben.rooms())[room]["last_seq"] == ack["seq"]


@async_test
async def test_reply_and_mentions(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    outsider = server.new_user("Cem")
    question = await ann.post(room, "question")
    since = ann.mark()
    answer = await ben.post(room, "answer", reply_to=question["seq"], mentions=[ann.user_id, outsider.id])
    event = await ann.event(room, answer["seq"], since)
    assert event["reply_to"] == question["seq"], event
    assert event["mentions"] == [ann.user_id], f"a non-member's mention was not dropped: {event}"
    mine = (await ann.rooms())[room]
    assert mine["mentions"] == 1 and mine["unread"] == 1, mine


@async_test
async def test_reply_to_must_be_a_message_of_the_room(server):
    room, (ann,) = await users_in_room(server, "Ann")
    here = (await ann.post(room, "here"))["seq"]
    edit = await ann.expect_reply({"type": "edit", "room": room, "target": here, "text": "edited"}, "ack")
    for target in (edit["seq"], edit["seq"] + 100):  # an event that is not a message; no event at all
        await ann.expect_error({"type": "post", "room": room, "text": "re", "lang": "en", "reply_to": target},
                               "bad_field", "not_found")
    assert (await ann.rooms())[room]["last_seq"] == edit["seq"], "a refused post changed the room"


@async_test
async def test_edit_reaches_others(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    original = await ann.post(room, "Has anyone tried dual VET with SMEs?")
    since = ben.mark()
    text = "Has anyone tried dual VET with small firms?"
    ack = await ann.expect_reply({"type": "edit", "room": room, "target": original["seq"], "text": text}, "ack")
    assert ack["seq"] > original["seq"], ack
    event = await ben.event(room, ack["seq"], since)
    assert event == {**event, "kind": "edit", "by": ann.user_id, "target": original["seq"], "text": text}, event


@async_test
async def test_delete_by_author_or_owner_only(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem")  # Ann owns the room
    first = await ben.post(room, "first")
    second = await ben.post(room, "second")
    await cem.expect_error({"type": "delete", "room": room, "target": first["seq"]}, "forbidden")
    assert (await cem.rooms())[room]["last_seq"] == second["seq"], "a refused delete changed the room"

    since = ann.mark()
    by_author = await ben.expect_reply({"type": "delete", "room": room, "target": first["seq"]}, "ack")
    event = await ann.event(room, by_author["seq"], since)
    assert event == {**event, "kind": "delete", "by": ben.user_id, "target": first["seq"]}, event

    since = cem.mark()
    by_owner = await ann.expect_reply({"type": "delete", "room": room, "target": second["seq"]}, "ack")
    event = await cem.event(room, by_owner["seq"], since)
    assert event == {**event, "kind": "delete", "by": ann.user_id, "target": second["seq"]}, event


@async_test
async def test_reaction_reaches_others_and_noop_changes_nothing(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    target = (await ann.post(room, "react to me"))["seq"]
    await ann.event(room, target)  # the post's own event comes after its ack
    since = ann.mark()
    on = await ben.expect_reply(react(room, target, "👍", True), "ack")
    event = await ann.event(room, on["seq"], since)
    assert event == {**event, "kind": "reaction", "by": ben.user_id, "target": target, "emoji": "👍",
                     "on": True}, event
    assert (await ben.expect_reply(react(room, target, "👍", True), "ack"))["seq"] == 0, "a repeated reaction"
    off = await ben.expect_reply(react(room, target, "👍", False), "ack")
    event = await ann.event(room, off["seq"], since)
    assert event["kind"] == "reaction" and event["on"] is False, event
    assert (await ben.expect_reply(react(room, target, "👍", False), "ack"))["seq"] == 0, "removing twice"
    assert (await ann.rooms())[room]["last_seq"] == off["seq"], "a no-op reaction created an event"
    await ann.ping()
    kinds = [e["kind"] for e in ann.events(room, since)]
    assert kinds == ["reaction", "reaction"], f"expected exactly two reaction events, got {kinds}"


@async_test
async def test_history_pages(server):
    room, (ann,) = await users_in_room(server, "Ann")
    seqs = [(await ann.post(room, f"m{i}"))["seq"] for i in range(7)]
    pages = [
        ({}, seqs[4:], True),
        ({"before": seqs[4]}, seqs[1:4], True),
        ({"before": seqs[1]}, seqs[:1], False),
        ({"before": seqs[3]}, seqs[:3], False),
        ({"after": 0}, seqs[:3], True),
        ({"after": seqs[2]}, seqs[3:6], True),
        ({"after": seqs[3]}, seqs[4:], False),
        ({"after": seqs[6]}, [], False),
    ]
    for params, expected, more in pages:
        page = await ann.history(room, limit=3, **params)
        got = [m["seq"] for m in page["messages"]]
        assert (got, page["has_more"]) == (expected, more), \
            f"history {params}: expected {expected} has_more={more}, got {got} has_more={page['has_more']}"
        assert page["room"] == room, page
    message = (await ann.history(room, limit=1))["messages"][0]
    assert set(message) >= MESSAGE_KEYS, f"MESSAGE lacks {MESSAGE_KEYS - set(message)}: {message}"
    assert message == {**message, "text": "m6", "by": ann.user_id, "author_name": "Ann", "lang": "en",
                       "deleted": False, "edited_at": None, "reactions": {}}, message


@async_test
async def test_history_default_limit_is_50(server):
    room, (ann,) = await users_in_room(server, "Ann")
    stream = await post_stream(ann, [room], 52)
    assert len(stream.acks) == 52, stream.errors
    page = await ann.history(room)
    newest = sorted(ack["seq"] for ack in stream.acks)[-50:]
    assert [m["seq"] for m in page["messages"]] == newest and page["has_more"] is True, page["has_more"]


@async_test
async def test_history_limit_is_clamped(start_praxis):
    server = start_praxis({**FAST, "history-page-max": 5})
    room, (ann,) = await users_in_room(server, "Ann")
    assert ann.welcome["limits"]["history_page_max"] == 5, ann.welcome
    stream = await post_stream(ann, [room], 7)
    page = await ann.history(room, limit=50)
    assert len(page["messages"]) == 5 and page["has_more"] is True, page
    assert [m["seq"] for m in page["messages"]] == sorted(a["seq"] for a in stream.acks)[-5:], page


@async_test
async def test_history_folds_edits_deletions_reactions(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    one, two, three = [(await ann.post(room, text))["seq"] for text in ("one", "two", "three")]
    await ann.expect_reply({"type": "edit", "room": room, "target": one, "text": "one, edited"}, "ack")
    await ann.expect_reply({"type": "delete", "room": room, "target": two}, "ack")
    await ann.expect_reply(react(room, three, "👍", True), "ack")
    await ben.expect_reply(react(room, three, "👍", True), "ack")
    await ben.expect_reply(react(room, three, "🎉", True), "ack")
    await ben.expect_reply(react(room, three, "🎉", False), "ack")

    page = await ben.history(room)
    by_seq = {m["seq"]: m for m in page["messages"]}
    assert list(by_seq) == [one, two, three], f"history holds exactly the three messages: {list(by_seq)}"
    edited, deleted, reacted = by_seq[one], by_seq[two], by_seq[three]
    assert edited["text"] == "one, edited" and isinstance(edited["edited_at"], int), edited
    assert edited["deleted"] is False, edited
    assert deleted["deleted"] is True and not deleted["text"], f"a deleted message keeps its text: {deleted}"
    assert sorted(reacted["reactions"].get("👍", [])) == sorted([ann.user_id, ben.user_id]), reacted
    assert not reacted["reactions"].get("🎉"), f"a removed reaction is still listed: {reacted}"
    assert reacted["edited_at"] is None and reacted["text"] == "three", reacted


@async_test
async def test_presence(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    before = ann.mark()
    await ben.close()
    await wait_connections(server, 1)
    # Ben's first connection going away announces "offline"; let it arrive first.
    await ann.wait_for(lambda m: m.get("type") == "presence" and m.get("user") == ben.user_id
                       and m.get("online") is False, "presence offline of the first connection", before)
    since = ann.mark()

    first = await connect(server, ben.user)
    online = await ann.wait_type("presence", since, room=room, user=ben.user_id)
    assert online["online"] is True, online
    second = await connect(server, ben.user)
    await first.close()
    await wait_connections(server, 2)
    await ann.ping()
    updates = [p for p in ann.of_type("presence", since) if p.get("user") == ben.user_id]
    assert updates == [online], f"presence must change only on the first open and last close: {updates}"

    await second.close()
    offline = await ann.wait_for(lambda m: m.get("type") == "presence" and m.get("user") == ben.user_id
                                 and m.get("online") is False, "presence offline", since)
    assert offline["room"] == room, offline


@async_test
async def test_typing_goes_to_the_others_only(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem")
    since_ann, since_ben, since_cem = ann.mark(), ben.mark(), cem.mark()
    await ann.send({"type": "typing", "room": room})
    for other, since in ((ben, since_ben), (cem, since_cem)):
        typing = await other.wait_type("typing", since, room=room, user=ann.user_id)
        assert typing["display_name"] == "Ann", typing
    await ann.ping()
    assert not ann.of_type("typing", since_ann), "the typist got its own typing notice"


@async_test
async def test_unread_counts_and_read_marker(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    await ben.post(room, "mine, not unread for me")
    ben_again = await connect(server, ben.user)
    s1 = (await ann.post(room, "one"))["seq"]
    s2 = (await ann.post(room, "two", mentions=[ben.user_id]))["seq"]
    s3 = (await ann.post(room, "three"))["seq"]
    mine = (await ben.rooms())[room]
    assert (mine["unread"], mine["mentions"]) == (3, 1), mine
    assert mine["read_seq"] < s1, mine

    since = ben_again.mark()
    marker = await ben.expect_reply({"type": "read", "room": room, "seq": s2}, "read_marker")
    assert marker == {**marker, "room": room, "read_seq": s2, "unread": 1, "mentions": 0}, marker
    pushed = await ben_again.wait_type("read_marker", since, room=room)
    assert pushed["read_seq"] == s2, f"the user's other connection got {pushed}"

    back = await ben.expect_reply({"type": "read", "room": room, "seq": s1}, "read_marker")
    assert back["read_seq"] == s2 and back["unread"] == 1, f"the read marker moved back: {back}"

    await ann.expect_reply({"type": "delete", "room": room, "target": s3}, "ack")
    mine = (await ben.rooms())[room]
    assert (mine["read_seq"], mine["unread"]) == (s2, 0), f"a deleted message still counts as unread: {mine}"


@async_test
async def test_cmid_retry_is_idempotent(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    first = await ann.post(room, "once", cmid="c-1")
    retry = await ann.post(room, "once", cmid="c-1")
    assert retry["seq"] == first["seq"], f"the retry got seq {retry['seq']}, the original {first['seq']}"
    after = await ann.post(room, "after", cmid="c-2")
    assert after["seq"] == first["seq"] + 1, "the retried post created an event"
    await ben.event(room, after["seq"])
    copies = [e for e in ben.events(room) if e.get("cmid") == "c-1"]
    assert len(copies) == 1, f"Ben got {len(copies)} events for one post: {copies}"

    by_other_user = await ben.post(room, "once", cmid="c-1")
    other_room = await make_room(ann)
    in_other_room = await ann.post(other_room, "once", cmid="c-1")
    assert by_other_user["seq"] == after["seq"] + 1, "a cmid is per user: Ben's post is new"
    messages = (await ann.history(other_room))["messages"]
    assert [m["seq"] for m in messages] == [in_other_room["seq"]], f"a cmid is per room: {messages}"


@async_test
async def test_rooms_list(server):
    ann = await connect(server, server.new_user("Ann"))
    cem = await connect(server, server.new_user("Cem"))
    b_open = await make_room(ann, name="B open")
    a_private = await make_room(ann, visibility="private", name="A private")
    c_open = await make_room(ann, name="C open")

    listed = (await cem.expect_reply({"type": "rooms_list"}, "rooms"))["rooms"]
    assert [r["id"] for r in listed] == [b_open, c_open], f"Cem should see the open rooms, by name: {listed}"
    for room in listed:
        assert room["member"] is False, room
        extra = {"role", "read_seq", "unread", "mentions", "online"} & set(room)
        assert not extra, f"member-only fields {extra} shown to a non-member: {room}"

    owned = (await ann.expect_reply({"type": "rooms_list"}, "rooms"))["rooms"]
    assert [r["id"] for r in owned] == [a_private, b_open, c_open], owned
    for room in owned:
        assert room == {**room, "member": True, "role": "owner", "unread": 0, "mentions": 0}, room
        assert ann.user_id in room["online"], f"Ann is online: {room}"


@async_test
async def test_room_members_with_online_flags(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem")
    await cem.close()
    await wait_connections(server, 2)
    reply = await ann.expect_reply({"type": "room_members", "room": room}, "members")
    assert reply["room"] == room, reply
    by_user = {m["user"]: m for m in reply["members"]}
    assert set(by_user) == {ann.user_id, ben.user_id, cem.user_id}, reply
    assert by_user[ann.user_id] == {**by_user[ann.user_id], "display_name": "Ann", "role": "owner",
                                    "online": True}, by_user[ann.user_id]
    assert by_user[ben.user_id]["online"] is True and by_user[ben.user_id]["role"] != "owner", by_user
    assert by_user[cem.user_id]["online"] is False, by_user[cem.user_id]
    assert by_user[ben.user_id]["institution"] == "Bfz" and by_user[ben.user_id]["country"] == "DE", by_user
    assert sorted((await ann.rooms())[room]["online"]) == sorted([ann.user_id, ben.user_id])


@async_test
async def test_room_leave(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    left = await ben.expect_reply({"type": "room_leave", "room": room}, "left")
    assert left["room"] == room, left
    since = ben.mark()
    ack = await ann.post(room, "after Ben left")
    await ann.event(room, ack["seq"])
    await ben.ping()
    assert not ben.events(room, since), "a user who left still gets the room's events"
    assert (await ben.rooms())[room]["member"] is False
    members = (await ann.expect_reply({"type": "room_members", "room": room}, "members"))["members"]
    assert [m["user"] for m in members] == [ann.user_id], members
