"""Authentication and authorization: private rooms stay private, room roles, the
WebSocket upgrade rules (credentials, Origin), hello first, version check, and
logout ending the session's connections (PROTOCOL.md 1, 2, 5)."""
import asyncio

import pytest

from praxis_harness import FAST, async_test, connect, expect, make_room, upgrade_status, user_fields, users_in_room


@pytest.fixture
def server(start_praxis):
    return start_praxis(FAST)


# --------------------------------------------------------------------------- private rooms


@async_test
async def test_non_member_gets_nothing_from_a_private_room(server):
    private, (ann, ben) = await users_in_room(server, "Ann", "Ben", visibility="private")
    cem = await connect(server, server.new_user("Cem"))
    shared = await make_room(ann, cem)
    since = cem.mark()

    await ben.close()
    ben = await connect(server, ben.user)  # presence in the private room
    await ann.send({"type": "typing", "room": private})
    secret = await ann.post(private, "secret")
    await ben.expect_reply({"type": "react", "room": private, "target": secret["seq"], "emoji": "👍", "on": True},
                           "ack")
    marker = await ann.post(shared, "public")
    await cem.event(shared, marker["seq"], since)
    await cem.ping()
    leaked = [m for m in cem.messages[since:] if m.get("room") == private or m.get("user") == ben.user_id]
    assert not leaked, f"a non-member got news of a private room: {leaked}"

    assert private not in await cem.rooms(), "rooms_list shows a private room to a non-member"
    await cem.expect_error({"type": "history", "room": private}, "forbidden")
    await cem.expect_error({"type": "post", "room": private, "text": "let me in", "lang": "en"}, "forbidden")

    again = await connect(server, cem.user, resume={private: 0})
    assert not [m for m in again.messages if m.get("room") == private], "resume replayed a private room"
    assert str(private) not in again.synced["streams"], again.synced


@async_test
async def test_room_invite_by_moderators_only(server):
    private, (ann, ben) = await users_in_room(server, "Ann", "Ben", visibility="private")  # Ann owns it
    cem = await connect(server, server.new_user("Cem"))
    since = cem.mark()
    invite = {"type": "room_invite", "room": private, "user": cem.user_id}
    await ben.expect_error(invite, "forbidden")
    await cem.expect_error(invite, "forbidden")
    await cem.ping()
    assert not cem.of_type("room", since), "a refused invitation reached the invitee"
    members = (await ann.expect_reply({"type": "room_members", "room": private}, "members"))["members"]
    assert sorted(m["user"] for m in members) == sorted([ann.user_id, ben.user_id]), members

    reply = await ann.expect_reply(invite, "room")
    assert reply["room"]["id"] == private, reply
    pushed = await cem.wait_type("room", since)
    assert pushed["room"]["id"] == private and pushed["room"]["member"] is True, pushed
    ack = await ben.post(private, "welcome, Cem")
    event = await cem.event(private, ack["seq"], since)
    assert event["text"] == "welcome, Cem", event
    await cem.post(private, "thanks")


@async_test
async def test_join_private_room_forbidden(server):
    private, (ann,) = await users_in_room(server, "Ann", visibility="private")
    cem = await connect(server, server.new_user("Cem"))
    await cem.expect_error({"type": "room_join", "room": private}, "forbidden")
    assert private not in await cem.rooms()
    members = (await ann.expect_reply({"type": "room_members", "room": private}, "members"))["members"]
    assert [m["user"] for m in members] == [ann.user_id], members


@async_test
async def test_only_the_author_edits_and_members_cannot_delete(server):
    room, (ann, ben, cem) = await users_in_room(server, "Ann", "Ben", "Cem")  # Ann owns it
    words = await ben.post(room, "Ben's words")
    await cem.expect_error({"type": "edit", "room": room, "target": words["seq"], "text": "Cem's"}, "forbidden")
    await cem.expect_error({"type": "delete", "room": room, "target": words["seq"]}, "forbidden")
    await ann.expect_error({"type": "edit", "room": room, "target": words["seq"], "text": "Ann's"}, "forbidden")
    message = (await ben.history(room))["messages"][-1]
    assert message == {**message, "seq": words["seq"], "text": "Ben's words", "deleted": False,
                       "edited_at": None}, message
    assert (await ben.rooms())[room]["last_seq"] == words["seq"], "a refused request created an event"


# --------------------------------------------------------------------------- upgrade


ALLOWED = "https://a.example,https://b.example"
UPGRADES = [
    # credentials, Origin header, expected status
    ("bearer", None, 101),
    ("bearer", "own", 101),
    ("cookie", "own", 101),
    ("cookie", "localhost", 101),
    ("cookie", "https://b.example", 101),
    ("bearer", "https://a.example", 101),
    ("cookie", None, 401),
    (None, None, 401),
    (None, "own", 401),
    ("bad bearer", None, 401),
    ("bad cookie", "own", 401),
    ("bearer", "https://evil.example", 403),
    ("cookie", "https://evil.example", 403),
    ("cookie", "https://b.example.evil.example", 403),
    ("cookie", "http://b.example", 403),
    ("cookie", "null", 403),
]


@pytest.mark.parametrize("creds,origin,status", UPGRADES, ids=[f"{c}+{o}->{s}" for c, o, s in UPGRADES])
@async_test
async def test_websocket_upgrade(start_praxis, creds, origin, status):
    server = start_praxis({"allowed-origins": ALLOWED})
    ann = server.new_user("Ann")
    origin = {"own": server.origin, "localhost": f"http://localhost:{server.port}"}.get(origin, origin)
    if status == 101:
        client = await connect(server, ann, via=creds, origin=origin)
        assert client.user_id == ann.id, client.welcome
        return
    kwargs = {"bearer": {"token": ann.token}, "cookie": {"cookie": ann.token},
              "bad bearer": {"token": "not-a-token"}, "bad cookie": {"cookie": "not-a-token"}}.get(creds, {})
    got = await upgrade_status(server, origin=origin, **kwargs)
    assert got == status, f"upgrade with {creds} and Origin {origin}: expected HTTP {status}, got {got}"


@async_test
async def test_public_url_is_the_allowed_origin(start_praxis):
    server = start_praxis({"public-url": "https://praxis.example"})
    ann = server.new_user("Ann")
    await connect(server, ann, via="cookie", origin="https://praxis.example",
                  cookie_name="__Host-praxis_session")
    assert await upgrade_status(server, cookie=ann.token, origin="https://evil.example",
                                cookie_name="__Host-praxis_session") == 403
    # Over https the plain cookie (which any plain-http page could have set) is not ours.
    assert await upgrade_status(server, cookie=ann.token, origin="https://praxis.example") == 401
    resp = expect(server.http("POST", "/api/invitations", {}, token=server.admin_user().token), 201)
    url = resp.json()["invitation"]["url"]
    assert url.startswith("https://praxis.example/register?invitation="), f"invitation url ignores public_url: {url}"


@async_test
async def test_upgrade_with_revoked_token(server):
    ann = server.new_user("Ann")
    expect(server.http("POST", "/api/logout", token=ann.token), 204)
    assert await upgrade_status(server, token=ann.token) == 401


# --------------------------------------------------------------------------- HTTP without a session


PROTECTED = [("GET", "/api/me"), ("GET", "/api/users"), ("GET", "/api/invitations"),
             ("POST", "/api/invitations"), ("POST", "/api/logout")]


@pytest.mark.parametrize("method,path", PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
@pytest.mark.parametrize("creds", [{}, {"token": "not-a-token"}], ids=["no token", "bad token"])
def test_protected_routes_need_a_session(praxis, method, path, creds):
    body = {} if method == "POST" else None
    expect(praxis.http(method, path, body, **creds), 401, "unauthenticated")


def test_public_routes_need_no_session(praxis):
    for path in ("/healthz", "/metrics", "/api/setup"):
        expect(praxis.http("GET", path), 200)
    expect(praxis.http("POST", "/api/login", {"email": "nobody@praxis.test", "password": "whatever long"}),
           401, "bad_credentials")
    fields = user_fields("a@praxis.test")
    expect(praxis.http("POST", "/api/register", {"invitation": "no-such", **fields}), 403, "forbidden")
    expect(praxis.http("POST", "/api/setup", {"token": "no-such", **fields}), 403, "forbidden")


# --------------------------------------------------------------------------- session on the socket


@async_test
async def test_messages_before_hello(server):
    room, (ann,) = await users_in_room(server, "Ann")
    last = (await ann.rooms())[room]["last_seq"]
    early = await connect(server, ann.user, hello=False)
    for msg in ({"type": "ping"}, {"type": "rooms_list"},
                {"type": "post", "room": room, "text": "too early", "lang": "en"}):
        await early.expect_error(msg, "hello_required")
    await early.hello()
    await early.ping()
    assert (await early.rooms())[room]["last_seq"] == last, "a post before hello changed the room"


@pytest.mark.parametrize("version", [2, 0, 99])
@async_test
async def test_version_mismatch(server, version):
    client = await connect(server, server.new_user("Ann"), hello=False)
    await client.send({"type": "hello", "version": version})
    error = await client.wait_type("error")
    assert error["code"] == "version_mismatch", error
    assert await client.wait_closed() == 4002, f"close code {client.close_code}, expected 4002"


@async_test
async def test_logout_closes_the_sessions_websockets(server):
    ann = server.new_user("Ann")
    other_session = server.login(ann)
    doomed = [await connect(server, ann), await connect(server, ann)]
    kept = await connect(server, ann, token=other_session)
    expect(await asyncio.to_thread(server.http, "POST", "/api/logout", token=ann.token), 204)
    for client in doomed:
        assert await client.wait_closed() == 4009, f"{client.label}: close code {client.close_code}, expected 4009"
    await kept.ping()
