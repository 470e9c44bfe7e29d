"""The lifecycle of a room (protocol/rooms/rooms.md): owners grant and revoke
moderators, moderators and owners remove members (who receive nothing more),
owners hand the room over, the owner cannot leave before that, and instance
admins moderate every room. Each action is checked for who may and who may not."""
import pytest

from praxis_harness import FAST, async_test, connect, make_room, users_in_room


@pytest.fixture
def server(start_praxis):
    return start_praxis(FAST)


def set_role(room, user, role):
    return {"type": "room_set_role", "room": room, "user": user, "role": role}


async def role_of(client, room):
    return (await client.rooms())[room].get("role")


@async_test
async def test_owner_grants_and_revokes_moderators(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem", visibility="private")
    since = ben.mark()
    reply = await ann.expect_reply(set_role(room, ben.user_id, "moderator"), "room")
    assert reply["room"]["role"] == "owner"
    pushed = await ben.wait_for(lambda m: m.get("type") == "room" and m["room"]["id"] == room,
                                "the new role pushed to the member", since)
    assert pushed["room"]["role"] == "moderator"
    # A moderator adds people and deletes others' messages...
    dan = await connect(server, server.new_user("Dan"))
    await ben.expect_reply({"type": "room_invite", "room": room, "user": dan.user_id}, "room")
    msg = await cem.post(room, "moderate me")
    await ben.expect_reply({"type": "delete", "room": room, "target": msg["seq"]}, "ack")
    # ...but grants nothing: neither may a member.
    await ben.expect_error(set_role(room, cem.user_id, "moderator"), "forbidden")
    await cem.expect_error(set_role(room, cem.user_id, "moderator"), "forbidden")
    # The owner's role is not set this way, and an unknown user is not found.
    await ann.expect_error(set_role(room, ann.user_id, "member"), "conflict")
    await ann.expect_error(set_role(room, 99999, "moderator"), "not_found")
    await ann.expect_error(set_role(room, ben.user_id, "owner"), "bad_field")
    await ann.expect_reply(set_role(room, ben.user_id, "member"), "room")
    assert await role_of(ben, room) == "member"
    await ben.expect_error({"type": "room_invite", "room": room, "user": dan.user_id}, "forbidden")


@async_test
async def test_a_removed_member_receives_nothing_more(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem", visibility="private")
    second = await connect(server, cem.user)  # both of Cem's connections lose the room
    since = [cem.mark(), second.mark()]
    await ann.expect_reply({"type": "room_remove", "room": room, "user": cem.user_id}, "room")
    for client, mark in zip([cem, second], since):
        await client.wait_type("left", mark, room=room)
    after = await ann.post(room, "after the removal")
    await ben.event(room, after["seq"])
    for client in (cem, second):
        await client.ping()
        assert not [m for m in client.events(room) if m["seq"] >= after["seq"]], "a removed member got an event"
        await client.expect_error({"type": "history", "room": room}, "forbidden")
        await client.expect_error({"type": "post", "room": room, "text": "still here?", "lang": "en"},
                                  "forbidden")
    assert room not in await cem.rooms()
    again = await connect(server, cem.user)
    assert str(room) not in again.synced["streams"]


@async_test
async def test_who_may_remove_whom(server):
    room, (ann, ben, cem, dan) = await users_in_room(server, "Ann", "Ben", "Cem", "Dan")
    await ann.expect_reply(set_role(room, ben.user_id, "moderator"), "room")
    await ann.expect_reply(set_role(room, cem.user_id, "moderator"), "room")
    await dan.expect_error({"type": "room_remove", "room": room, "user": cem.user_id}, "forbidden")
    await ben.expect_error({"type": "room_remove", "room": room, "user": cem.user_id}, "forbidden")
    await ben.expect_error({"type": "room_remove", "room": room, "user": ann.user_id}, "conflict")
    await ben.expect_reply({"type": "room_remove", "room": room, "user": dan.user_id}, "room")
    await ann.expect_reply({"type": "room_remove", "room": room, "user": cem.user_id}, "room")
    await ann.expect_error({"type": "room_remove", "room": room, "user": cem.user_id}, "not_found")


@async_test
async def test_the_owner_hands_over_before_leaving(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem")
    await ann.expect_error({"type": "room_leave", "room": room}, "conflict")
    await ben.expect_error({"type": "room_transfer", "room": room, "user": cem.user_id}, "forbidden")
    since = ben.mark()
    reply = await ann.expect_reply({"type": "room_transfer", "room": room, "user": ben.user_id}, "room")
    assert reply["room"]["role"] == "moderator", "the old owner stays on as a moderator"
    pushed = await ben.wait_for(lambda m: m.get("type") == "room" and m["room"]["id"] == room,
                                "the room pushed to its new owner", since)
    assert pushed["room"]["role"] == "owner"
    await ann.expect_reply({"type": "room_leave", "room": room}, "left")
    await ben.expect_error({"type": "room_leave", "room": room}, "conflict")
    outsider = await connect(server, server.new_user("Eve"))
    await ben.expect_error({"type": "room_transfer", "room": room, "user": outsider.user_id}, "not_found")


@async_test
async def test_an_admin_moderates_every_room(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben", visibility="private")
    admin = await connect(server, server.admin_user())
    msg = await ben.post(room, "spam")
    # Not a member, and yet: the admin reads, deletes, removes and hands over.
    since = admin.mark()
    await admin.expect_reply({"type": "subscribe", "stream": room, "after": 0}, "subscribed")
    assert [e["seq"] for e in admin.events(room, since)] == [msg["seq"]]
    await admin.expect_reply({"type": "delete", "room": room, "target": msg["seq"]}, "ack")
    await admin.expect_reply({"type": "history", "room": room}, "history")
    cem = await connect(server, server.new_user("Cem"))
    await admin.expect_reply({"type": "room_invite", "room": room, "user": cem.user_id}, "room")
    await admin.expect_reply({"type": "room_transfer", "room": room, "user": ben.user_id}, "room")
    assert await role_of(ben, room) == "owner"
    assert await role_of(ann, room) == "moderator"
    await admin.expect_reply({"type": "room_remove", "room": room, "user": ann.user_id}, "room")
    # A member who is not an admin may do none of it in a room they are not in.
    outsider = await connect(server, server.new_user("Dan"))
    await outsider.expect_error({"type": "subscribe", "stream": room}, "forbidden")
    await outsider.expect_error({"type": "room_remove", "room": room, "user": cem.user_id}, "forbidden")
    await outsider.expect_error({"type": "room_transfer", "room": room, "user": cem.user_id}, "forbidden")
    await outsider.expect_error(set_role(room, cem.user_id, "moderator"), "forbidden")



@async_test
async def test_an_admins_hand_over_reaches_the_old_and_the_new_owner(server):
    room, (ben, cy) = await users_in_room(server, "Ben", "Cy", visibility="private")
    ada = await connect(server, server.admin_user())  # an instance admin, not the owner
    since = [ben.mark(), cy.mark()]
    await ada.expect_reply({"type": "room_transfer", "room": room, "user": cy.user_id}, "room")
    for client, mark, role in zip([ben, cy], since, ["moderator", "owner"]):
        pushed = await client.wait_for(lambda m: m.get("type") == "room" and m["room"]["id"] == room,
                                       f"the room pushed to its {role}", mark)
        assert "rid" not in pushed, "a push, not a reply"
        assert pushed["room"]["role"] == role

async def list_pages(client, limit, **params):
    """rooms_list page by page (at most `limit` rooms each) -> the pages."""
    pages, cursor = [], None
    while True:
        msg = {"type": "rooms_list", "limit": limit, **params, **({"cursor": cursor} if cursor else {})}
        reply = await client.expect_reply(msg, "rooms")
        assert len(reply["rooms"]) <= limit
        pages.append(reply["rooms"])
        cursor = reply.get("next")
        if not cursor:
            return pages


@async_test
async def test_an_admin_lists_every_room_with_all(server):
    ann, ben = [await connect(server, server.new_user(name)) for name in ("Ann", "Ben")]
    admin = await connect(server, server.admin_user())
    opened = await make_room(ann, name="A open")
    secret = await make_room(ann, ben, visibility="private", name="B secret")
    own = await make_room(admin, visibility="private", name="C the admin's")
    # all: every room of the instance, in order, across pages; the private
    # room the admin is not in as a non-member sees it.
    pages = await list_pages(admin, 2, all=True)
    assert len(pages) == 2
    listed = [room for page in pages for room in page]
    assert [room["id"] for room in listed] == [opened, secret, own]
    seen = {room["id"]: room for room in listed}
    assert seen[secret]["member"] is False and seen[secret]["visibility"] == "private"
    assert "role" not in seen[secret] and "unread" not in seen[secret]
    assert seen[own]["member"] is True and seen[own]["role"] == "owner"
    # Without all (or with false): today's list, without that private room.
    for params in ({}, {"all": False}):
        listed = [room["id"] for page in await list_pages(admin, 1, **params) for room in page]
        assert listed == [opened, own]
    # A member may not list every room; asking changes nothing.
    refused = await ben.expect_error({"type": "rooms_list", "all": True, "limit": 2}, "forbidden")
    assert refused["message"] == "only administrators list every room"
    await ben.expect_error({"type": "rooms_list", "all": "yes"}, "bad_field")
    assert sorted(await ben.rooms()) == [opened, secret]
    assert sorted(await ann.rooms()) == [opened, secret]


@async_test
async def test_a_new_open_room_appears_to_everyone_connected(server):
    ann = await connect(server, server.new_user("Ann"))
    ben = await connect(server, server.new_user("Ben"))
    since = ben.mark()
    room = await make_room(ann, name="Open to all")
    pushed = await ben.wait_for(lambda m: m.get("type") == "room" and m["room"]["id"] == room,
                                "the new open room pushed to another user", since)
    assert pushed["room"]["name"] == "Open to all"
    assert pushed["room"]["member"] is False
    assert pushed.get("rid") is None
    # A private one reaches nobody but its members.
    since = ben.mark()
    secret = await make_room(ann, visibility="private", name="Not for Ben")
    await ben.ping()
    await ann.ping()
    assert not [m for m in ben.messages[since:] if m.get("type") == "room"], "a private room leaked"
    assert secret not in await ben.rooms()


def update(room, **settings):
    return {"type": "room_update", "room": room, **settings}


def room_pushed(client, room, since, what):
    return client.wait_for(lambda m: m.get("type") == "room" and m["room"]["id"] == room
                           and m.get("rid") is None, what, since)


@async_test
async def test_room_settings_are_the_owners_and_seen_live(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem")
    eve = await connect(server, server.new_user("Eve"))  # connected, not a member
    await ann.expect_reply(set_role(room, ben.user_id, "moderator"), "room")
    since = [cem.mark(), eve.mark()]
    reply = await ann.expect_reply(update(room, name="Dual VET"), "room")
    assert reply["room"]["name"] == "Dual VET" and reply["room"]["role"] == "owner"
    member_view = await room_pushed(cem, room, since[0], "the new name pushed to a member")
    assert member_view["room"]["name"] == "Dual VET" and member_view["room"]["role"] == "member"
    outsider_view = await room_pushed(eve, room, since[1], "the new name pushed to a non-member")
    assert outsider_view["room"]["name"] == "Dual VET" and outsider_view["room"]["member"] is False
    assert "archived" not in outsider_view["room"]
    # A moderator sets the topic, not the name; a member neither.
    reply = await ben.expect_reply(update(room, topic="Schemes that worked"), "room")
    assert reply["room"]["topic"] == "Schemes that worked"
    await ben.expect_error(update(room, name="Mine now"), "forbidden")
    await ben.expect_error(update(room, topic="t", archived=True), "forbidden")
    await cem.expect_error(update(room, topic="Mine"), "forbidden")
    await eve.expect_error(update(room, topic="Mine"), "forbidden")
    await ann.expect_error(update(room), "bad_field")
    await ann.expect_error(update(room, name="x" * 101), "bad_field")
    assert (await eve.rooms())[room]["name"] == "Dual VET"


@async_test
async def test_a_private_rooms_settings_reach_only_its_members(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben", visibility="private")
    eve = await connect(server, server.new_user("Eve"))
    since = [ben.mark(), eve.mark()]
    await ann.expect_reply(update(room, topic="Only for us"), "room")
    assert (await room_pushed(ben, room, since[0], "the topic pushed"))["room"]["topic"] == "Only for us"
    await eve.ping()
    await ann.ping()
    assert not [m for m in eve.messages[since[1]:] if m.get("type") == "room"], "a private room leaked"
    await eve.expect_error(update(room, topic="probe"), "forbidden")
    await eve.expect_error(update(99999, topic="probe"), "forbidden")


@async_test
async def test_an_archived_room_is_read_only_until_unarchived(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem")
    eve = await connect(server, server.new_user("Eve"))
    msg = await ben.post(room, "before the archive")
    since = ben.mark()
    reply = await ann.expect_reply(update(room, name="Closed course", archived=True), "room")
    assert reply["room"]["archived"] is True
    assert (await room_pushed(ben, room, since, "the archived room pushed"))["room"]["archived"] is True
    refusals = [{"type": "post", "room": room, "text": "after", "lang": "en"},
                {"type": "edit", "room": room, "target": msg["seq"], "text": "changed"},
                {"type": "delete", "room": room, "target": msg["seq"]},
                {"type": "react", "room": room, "target": msg["seq"], "emoji": "👍", "on": True}]
    for request in refusals:
        refused = await ben.expect_error(request, "conflict")
        assert "archived" in refused["message"]
    assert "archived" in (await eve.expect_error({"type": "room_join", "room": room}, "conflict"))["message"]
    await ann.expect_error({"type": "room_invite", "room": room, "user": eve.user_id}, "conflict")
    # Reading and leaving still work, and the room is still listed.
    assert [m["text"] for m in (await ben.history(room))["messages"]] == ["before the archive"]
    await ben.expect_reply({"type": "read", "room": room, "seq": msg["seq"]}, "read_marker")
    await ben.expect_reply({"type": "room_members", "room": room}, "members")
    await cem.expect_reply({"type": "room_leave", "room": room}, "left")
    assert (await ben.rooms())[room]["archived"] is True
    assert (await eve.rooms())[room]["archived"] is True

    # It survives a restart.
    for client in (ann, ben, cem, eve):
        await client.close()
    server.restart()
    ann, ben = await connect(server, ann.user), await connect(server, ben.user)
    listed = (await ben.rooms())[room]
    assert listed["archived"] is True and listed["name"] == "Closed course"
    await ben.expect_error({"type": "post", "room": room, "text": "after", "lang": "en"}, "conflict")

    reply = await ann.expect_reply(update(room, archived=False), "room")
    assert "archived" not in reply["room"]
    await ben.post(room, "back again")
    for client in (ann, ben):
        await client.close()
    server.restart()
    ann = await connect(server, ann.user)
    assert "archived" not in (await ann.rooms())[room]


@async_test
async def test_an_admin_not_in_a_private_room_archives_and_renames_it(server):
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben", visibility="private")
    admin = await connect(server, server.admin_user())
    since = [ben.mark(), admin.mark()]
    reply = await admin.expect_reply(update(room, archived=True), "room")
    # The admin's own view: the room, archived, as a non-member sees it.
    assert reply["room"]["id"] == room and reply["room"]["archived"] is True
    assert reply["room"]["member"] is False and "role" not in reply["room"]
    assert (await room_pushed(ben, room, since[0], "the archive pushed"))["room"]["archived"] is True
    await admin.ping()
    assert [m["rid"] for m in admin.messages[since[1]:]
            if m.get("type") == "room" and m["room"]["id"] == room] == [reply["rid"]]
    await ben.expect_error({"type": "post", "room": room, "text": "after", "lang": "en"}, "conflict")
    listed = [r for page in await list_pages(admin, 10, all=True) for r in page if r["id"] == room]
    assert listed[0]["archived"] is True and listed[0]["member"] is False

    since = ben.mark()
    reply = await admin.expect_reply(update(room, name="Reopened", archived=False), "room")
    assert reply["room"]["name"] == "Reopened" and "archived" not in reply["room"]
    assert reply["room"]["member"] is False
    pushed = await room_pushed(ben, room, since, "the unarchive pushed")
    assert pushed["room"]["name"] == "Reopened" and "archived" not in pushed["room"]
    assert pushed["room"]["role"] == "member"
    await ben.post(room, "back again")
    assert room not in await admin.rooms()  # still not in the admin's own list
