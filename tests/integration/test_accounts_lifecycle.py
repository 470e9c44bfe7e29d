"""The account lifecycle (protocol/accounts/accounts.md, "Account lifecycle"): changing
one's password, admin-issued reset links, deactivation and reactivation, revoking
invitations, listing and revoking login sessions, and the paged user and invitation
lists. Each action is checked for who may (member, other member, admin, signed out) and
who may not, for its effects (sessions and their WebSockets ended with 4009, sign-in
refused or restored), and that a refusal changes nothing."""
import asyncio
import sqlite3
import time
import urllib.parse

import pytest

from praxis_harness import (ADMIN_EMAIL, ADMIN_PASSWORD, FAST, WAIT, async_test, connect, expect,
                            upgrade_status, user_fields, users_in_room)

NEW_PASSWORD = "a brand new secret"
DAY_MS = 86400 * 1000


@pytest.fixture
def server(start_praxis):
    return start_praxis(FAST)


def now_ms() -> int:
    return int(time.time() * 1000)


async def http(server, *args, **kwargs):
    """server.http off the event loop, so that open clients keep reading."""
    return await asyncio.to_thread(server.http, *args, **kwargs)


def login(server, email, password, **kwargs):
    return server.http("POST", "/api/login", {"email": email, "password": password}, **kwargs)


def signed_in(server, token) -> bool:
    resp = server.http("GET", "/api/me", token=token)
    assert resp.status in (200, 401), resp
    return resp.status == 200


def sessions(server, token, path="/api/sessions") -> list[dict]:
    """Every page of a session list."""
    out, cursor = [], None
    while True:
        query = f"?limit=1&cursor={urllib.parse.quote(cursor, safe='')}" if cursor else "?limit=1"
        body = expect(server.http("GET", path + query, token=token), 200).json()
        out += body["sessions"]
        cursor = body["next"]
        if cursor is None:
            return out


def users(server, token) -> dict[int, dict]:
    body = expect(server.http("GET", "/api/users", token=token), 200).json()
    return {u["id"]: u for u in body["users"]}


async def still_open(*clients):
    for client in clients:
        await client.ping()


async def all_closed_4009(*clients):
    for client in clients:
        code = await client.wait_closed()
        assert code == 4009, f"{client.label}: close code {code}, expected 4009"


# --------------------------------------------------------------------------- password change


@async_test
async def test_change_password_ends_the_other_sessions(server):
    ann, ben = server.new_user("Ann"), server.new_user("Ben")
    other = server.login(ann)
    here = await connect(server, ann)
    there = await connect(server, ann, token=other)
    bens = await connect(server, ben)
    change = {"current_password": ann.password, "new_password": NEW_PASSWORD}

    # Who may not: signed out, a bad token, a cookie without an allowed Origin.
    expect(await http(server, "POST", "/api/me/password", change), 401, "unauthenticated")
    expect(await http(server, "POST", "/api/me/password", change, token="not-a-token"), 401,
           "unauthenticated")
    expect(await http(server, "POST", "/api/me/password", change, cookie=ann.token), 403, "forbidden")
    # Refusals: a wrong current password, a new one that breaks the rules.
    wrong = {"current_password": "not my password", "new_password": NEW_PASSWORD}
    expect(await http(server, "POST", "/api/me/password", wrong, token=ann.token), 401,
           "bad_credentials")
    for bad in ({"current_password": ann.password, "new_password": "short"},
                {"current_password": ann.password}, {"new_password": NEW_PASSWORD}):
        expect(await http(server, "POST", "/api/me/password", bad, token=ann.token), 400, "bad_field")
    # ... changed nothing.
    await still_open(here, there, bens)
    assert signed_in(server, other)
    expect(login(server, ann.email, ann.password), 200)
    expect(login(server, ann.email, NEW_PASSWORD), 401, "bad_credentials")

    # Ben changing his own password does nothing to Ann.
    expect(await http(server, "POST", "/api/me/password",
                      {"current_password": ben.password, "new_password": NEW_PASSWORD + " ben"},
                      token=ben.token), 204)
    await still_open(here, there, bens)

    expect(await http(server, "POST", "/api/me/password", change, token=ann.token), 204)
    await all_closed_4009(there)
    await still_open(here, bens)
    assert signed_in(server, ann.token), "the presenting session was ended"
    assert not signed_in(server, other), "another session survived the password change"
    assert await upgrade_status(server, token=other) == 401
    expect(login(server, ann.email, ann.password), 401, "bad_credentials")
    expect(login(server, ann.email, NEW_PASSWORD), 200)
    # The sessions list holds only the presenting one and the new login.
    assert len(sessions(server, ann.token)) == 2


def test_wrong_current_passwords_count_in_the_login_throttle(start_praxis):
    server = start_praxis({**FAST, "login-failures-before-delay": 2})
    ann = server.new_user("Ann")
    wrong = {"current_password": "not my password", "new_password": NEW_PASSWORD}
    for _ in range(2):
        expect(server.http("POST", "/api/me/password", wrong, token=ann.token), 401, "bad_credentials")
    right = {"current_password": ann.password, "new_password": NEW_PASSWORD}
    resp = expect(server.http("POST", "/api/me/password", right, token=ann.token), 429, "rate_limited")
    assert resp.json()["error"]["retry_after"] >= 1 and resp.headers.get("Retry-After"), resp
    # The same record as the login's: signing in is delayed too.
    expect(login(server, ann.email, ann.password, source="127.0.0.2"), 429, "rate_limited")
    expect(login(server, ann.email, NEW_PASSWORD), 429, "rate_limited")
    assert signed_in(server, ann.token)


# --------------------------------------------------------------------------- password reset


def issue_reset(server, user_id, token) -> dict:
    resp = expect(server.http("POST", f"/api/users/{user_id}/password-reset", token=token), 201)
    return resp.json()["reset"]


@async_test
async def test_password_reset_link_works_once(server):
    admin = server.admin_user()
    ann, ben = server.new_user("Ann"), server.new_user("Ben")
    other = server.login(ann)
    clients = [await connect(server, ann), await connect(server, ann, token=other)]
    bens = await connect(server, ben)

    # Who may not issue one: signed out, a member (for someone else or themself).
    expect(await http(server, "POST", f"/api/users/{ann.id}/password-reset"), 401, "unauthenticated")
    for who in (ben, ann):
        expect(await http(server, "POST", f"/api/users/{ann.id}/password-reset", token=who.token),
               403, "forbidden")
    for bad_id in ("99999", "abc", "0"):
        expect(await http(server, "POST", f"/api/users/{bad_id}/password-reset", token=admin.token),
               404, "not_found")

    before = now_ms()
    reset = await asyncio.to_thread(issue_reset, server, ann.id, admin.token)
    # The instance's own origin (public_url; by default http://localhost:PORT).
    assert reset["url"] == f"http://localhost:{server.port}/reset?token={reset['token']}", reset
    assert abs(reset["expires_at"] - (before + DAY_MS)) < 60_000, f"not valid for 24 h: {reset}"
    await still_open(*clients)  # issuing a link ends nothing

    # Refusals change nothing: a wrong token, a password that breaks the rules.
    expect(await http(server, "POST", "/api/password-reset",
                      {"token": "not-the-token", "password": NEW_PASSWORD}), 403, "forbidden")
    expect(await http(server, "POST", "/api/password-reset",
                      {"token": reset["token"], "password": "short"}), 400, "bad_field")
    await still_open(*clients)
    expect(login(server, ann.email, ann.password), 200)

    # No session needed; every session of the user ends.
    expect(await http(server, "POST", "/api/password-reset",
                      {"token": reset["token"], "password": NEW_PASSWORD}), 204)
    await all_closed_4009(*clients)
    await still_open(bens)
    assert not signed_in(server, ann.token) and not signed_in(server, other)
    expect(login(server, ann.email, ann.password), 401, "bad_credentials")
    expect(login(server, ann.email, NEW_PASSWORD), 200)

    # Once only.
    expect(await http(server, "POST", "/api/password-reset",
                      {"token": reset["token"], "password": "yet another secret"}), 403, "forbidden")
    expect(login(server, ann.email, NEW_PASSWORD), 200)


def test_password_reset_links_expire_and_replace_each_other(server):
    admin = server.admin_user()
    ann = server.new_user("Ann")
    first = issue_reset(server, ann.id, admin.token)
    second = issue_reset(server, ann.id, admin.token)
    # A new link spends the earlier one.
    expect(server.http("POST", "/api/password-reset", {"token": first["token"], "password": NEW_PASSWORD}),
           403, "forbidden")
    # An expired link is refused (its expiry moved into the past).
    db = sqlite3.connect(server.data_dir / "praxis.db", timeout=WAIT)
    with db:
        db.execute("UPDATE password_resets SET expires_at = ? WHERE user_id = ? AND used_at IS NULL",
                   (now_ms() - 1, ann.id))
    db.close()
    expect(server.http("POST", "/api/password-reset", {"token": second["token"], "password": NEW_PASSWORD}),
           403, "forbidden")
    expect(login(server, ann.email, ann.password), 200)
    assert signed_in(server, ann.token)


def test_password_reset_wrong_tokens_are_throttled(start_praxis):
    server = start_praxis({**FAST, "login-failures-before-delay": 2})
    admin = server.admin_user()
    ann = server.new_user("Ann")
    reset = issue_reset(server, ann.id, admin.token)
    for _ in range(2):
        expect(server.http("POST", "/api/password-reset", {"token": "guess", "password": NEW_PASSWORD},
                           source="127.0.0.3"), 403, "forbidden")
    resp = server.http("POST", "/api/password-reset", {"token": reset["token"], "password": NEW_PASSWORD},
                       source="127.0.0.3")
    expect(resp, 429, "rate_limited")
    assert resp.headers.get("Retry-After"), resp
    # The throttled attempt used nothing up; from another address the link still works.
    expect(login(server, ann.email, ann.password), 200)
    expect(server.http("POST", "/api/password-reset", {"token": reset["token"], "password": NEW_PASSWORD},
                       source="127.0.0.4"), 204)


def test_password_reset_refused_for_deactivated_users(server):
    admin = server.admin_user()
    ann = server.new_user("Ann")
    reset = issue_reset(server, ann.id, admin.token)
    expect(server.http("POST", f"/api/users/{ann.id}/deactivate", token=admin.token), 200)
    expect(server.http("POST", "/api/password-reset", {"token": reset["token"], "password": NEW_PASSWORD}),
           403, "forbidden")
    expect(server.http("POST", f"/api/users/{ann.id}/password-reset", token=admin.token), 409, "conflict")
    expect(server.http("POST", f"/api/users/{ann.id}/reactivate", token=admin.token), 200)
    # The link was spent by the deactivation; the old password still works.
    expect(server.http("POST", "/api/password-reset", {"token": reset["token"], "password": NEW_PASSWORD}),
           403, "forbidden")
    expect(login(server, ann.email, ann.password), 200)


# --------------------------------------------------------------------------- deactivation


@async_test
async def test_deactivate_and_reactivate(server):
    admin = server.admin_user()
    room, (ann, ben) = await users_in_room(server, "Ann", "Ben")
    said = await ann.post(room, "my contribution stays")
    second = await connect(server, ann.user)
    admins = await connect(server, admin)
    path = f"/api/users/{ann.user.id}/deactivate"

    # Who may not: signed out, the user, another member; nor an admin on themself.
    expect(await http(server, "POST", path), 401, "unauthenticated")
    for who in (ann.user, ben.user):
        expect(await http(server, "POST", path, token=who.token), 403, "forbidden")
    expect(await http(server, "POST", path, cookie=admin.token), 403, "forbidden")  # no Origin
    expect(await http(server, "POST", f"/api/users/{admin.id}/deactivate", token=admin.token), 409,
           "conflict")
    expect(await http(server, "POST", "/api/users/99999/deactivate", token=admin.token), 404, "not_found")
    await still_open(ann, second, ben, admins)
    assert signed_in(server, ann.user.token) and signed_in(server, admin.token)

    user = expect(await http(server, "POST", path, token=admin.token), 200).json()["user"]
    assert user["id"] == ann.user.id and user["active"] is False, user
    await all_closed_4009(ann, second)
    await still_open(ben, admins)
    assert not signed_in(server, ann.user.token)
    assert await upgrade_status(server, token=ann.user.token) == 401
    # Sign-in refused exactly like a wrong password.
    refused = expect(login(server, ann.user.email, ann.user.password), 401, "bad_credentials").json()
    wrong = expect(login(server, ben.user.email, "not the password"), 401, "bad_credentials").json()
    assert refused == wrong, f"a deactivated account is told apart: {refused} vs {wrong}"
    # Content is kept.
    history = await ben.history(room)
    assert [m["text"] for m in history["messages"] if m["seq"] == said["seq"]] == ["my contribution stays"]
    # Admins see the deactivated user, members do not.
    assert users(server, admin.token)[ann.user.id].get("active") is False
    assert ann.user.id not in users(server, ben.user.token)
    assert users(server, ben.user.token)[ben.user.id].get("active", True) is True
    # Deactivating again answers the same.
    again = expect(await http(server, "POST", path, token=admin.token), 200).json()["user"]
    assert again["active"] is False

    # Reactivation: admins only.
    back = f"/api/users/{ann.user.id}/reactivate"
    expect(await http(server, "POST", back), 401, "unauthenticated")
    expect(await http(server, "POST", back, token=ben.user.token), 403, "forbidden")
    expect(login(server, ann.user.email, ann.user.password), 401, "bad_credentials")
    expect(await http(server, "POST", "/api/users/99999/reactivate", token=admin.token), 404, "not_found")
    user = expect(await http(server, "POST", back, token=admin.token), 200).json()["user"]
    assert user.get("active", True) is True, user
    token = expect(login(server, ann.user.email, ann.user.password), 200).json()["token"]
    assert not signed_in(server, ann.user.token), "reactivation revived an old session"
    client = await connect(server, ann.user, token=token)
    assert room in await client.rooms(), "the user lost their rooms"
    assert ann.user.id in users(server, ben.user.token)
    expect(await http(server, "POST", back, token=admin.token), 200)


@async_test
async def test_an_admin_deactivates_another_admin(server):
    admin = server.admin_user()
    other = server.new_user("Oda", role="admin")
    others = await connect(server, other)
    # The other admin may not deactivate themself either, but may deactivate the first.
    expect(await http(server, "POST", f"/api/users/{other.id}/deactivate", token=other.token), 409, "conflict")
    expect(await http(server, "POST", f"/api/users/{other.id}/deactivate", token=admin.token), 200)
    await all_closed_4009(others)
    # A deactivated admin has no session left to act with.
    expect(await http(server, "POST", f"/api/users/{admin.id}/deactivate", token=other.token), 401,
           "unauthenticated")
    assert signed_in(server, admin.token)
    expect(login(server, ADMIN_EMAIL, ADMIN_PASSWORD), 200)


# --------------------------------------------------------------------------- invitations


def test_revoke_invitation(server):
    admin = server.admin_user()
    ben = server.new_user("Ben")
    email = server.unique_email("cem")
    created = expect(server.http("POST", "/api/invitations", {"email": email}, token=admin.token), 201)
    invitation = created.json()["invitation"]
    path = f"/api/invitations/{invitation['id']}"

    expect(server.http("DELETE", path), 401, "unauthenticated")
    expect(server.http("DELETE", path, token=ben.token), 403, "forbidden")
    expect(server.http("DELETE", path, cookie=admin.token), 403, "forbidden")  # no Origin
    expect(server.http("DELETE", "/api/invitations/99999", token=admin.token), 404, "not_found")
    listed = {i["id"]: i for i in expect(server.http("GET", "/api/invitations", token=admin.token),
                                         200).json()["invitations"]}
    assert listed[invitation["id"]]["revoked"] is False

    expect(server.http("DELETE", path, token=admin.token), 204)
    expect(server.http("POST", "/api/register", {"invitation": invitation["token"], **user_fields(email, "Cem")}),
           403, "forbidden")
    listed = {i["id"]: i for i in expect(server.http("GET", "/api/invitations", token=admin.token),
                                         200).json()["invitations"]}
    assert listed[invitation["id"]]["revoked"] is True and listed[invitation["id"]]["used"] is False
    expect(server.http("DELETE", path, token=admin.token), 204)  # again: the same

    # A used invitation cannot be taken back (the account exists: deactivate it instead).
    used = expect(server.http("POST", "/api/invitations", {}, token=admin.token), 201).json()["invitation"]
    fields = user_fields(server.unique_email("dan"), "Dan")
    dan = expect(server.http("POST", "/api/register", {"invitation": used["token"], **fields}), 201).json()
    expect(server.http("DELETE", f"/api/invitations/{used['id']}", token=admin.token), 409, "conflict")
    assert signed_in(server, dan["token"])



def check_invitation(server, token, **kwargs):
    return server.http("POST", "/api/invitations/check", {"invitation": token}, **kwargs)


def test_check_invitation_prefills_registration(server):
    admin = server.admin_user()
    email = server.unique_email("ben")
    created = expect(server.http("POST", "/api/invitations", {"email": email, "role": "admin"},
                                 token=admin.token), 201).json()["invitation"]
    # Signed out: the invited e-mail, role and end, as often as asked.
    for _ in range(2):
        checked = expect(check_invitation(server, created["token"]), 200).json()
        assert checked == {"email": email, "role": "admin", "expires_at": created["expires_at"]}
    anyone = expect(server.http("POST", "/api/invitations", {}, token=admin.token), 201).json()["invitation"]
    assert expect(check_invitation(server, anyone["token"]), 200).json()["email"] == ""
    expect(server.http("POST", "/api/invitations/check", {}), 400, "bad_field")
    expect(server.http("POST", "/api/invitations/check", {"invitation": 7}), 400, "bad_field")
    # Once used or revoked, the link checks like a wrong one, with register's answer.
    expect(server.http("POST", "/api/register", {"invitation": created["token"], **user_fields(email, "Ben")}),
           201)
    used = expect(check_invitation(server, created["token"]), 403, "forbidden").json()
    wrong = expect(check_invitation(server, "not-a-token"), 403, "forbidden").json()
    refused = expect(server.http("POST", "/api/register",
                                 {"invitation": "not-a-token", **user_fields(server.unique_email(), "Eve")}),
                     403, "forbidden").json()
    assert used == wrong == refused
    expect(server.http("DELETE", f"/api/invitations/{anyone['id']}", token=admin.token), 204)
    expect(check_invitation(server, anyone["token"]), 403, "forbidden")


def test_check_invitation_wrong_tokens_are_throttled(start_praxis):
    server = start_praxis({**FAST, "login-failures-before-delay": 2})
    valid = server.invite()
    for _ in range(2):
        expect(check_invitation(server, "guess", source="127.0.0.5"), 403, "forbidden")
    resp = expect(check_invitation(server, valid, source="127.0.0.5"), 429, "rate_limited")
    assert resp.headers.get("Retry-After") and resp.json()["error"]["retry_after"] > 0, resp
    # The same throttle as registering: guessing here blocks register from the address too.
    fields = user_fields(server.unique_email("ben"), "Ben")
    expect(server.http("POST", "/api/register", {"invitation": valid, **fields}, source="127.0.0.5"),
           429, "rate_limited")
    # Other addresses are not held up, and the throttled checks used nothing up.
    expect(check_invitation(server, valid, source="127.0.0.6"), 200)
    expect(server.http("POST", "/api/register", {"invitation": valid, **fields}, source="127.0.0.6"), 201)


# --------------------------------------------------------------------------- sessions


@async_test
async def test_sessions_list_shows_where_each_came_from(server):
    ann = server.new_user("Ann")
    laptop = expect(await http(server, "POST", "/api/login", {"email": ann.email, "password": ann.password},
                               headers={"User-Agent": "PraxisTest/1.0 (laptop)"}, source="127.0.0.2"),
                    200).json()["token"]
    phone = expect(await http(server, "POST", "/api/login", {"email": ann.email, "password": ann.password},
                              headers={"User-Agent": "PraxisTest/1.0 (phone) \u00e9".encode().decode("latin-1")},
                              source="127.0.0.3"), 200).json()["token"]
    listed = await asyncio.to_thread(sessions, server, laptop)
    assert len(listed) == 3, listed
    assert [s["address"] for s in listed] == ["127.0.0.3", "127.0.0.2", "127.0.0.1"], listed
    assert listed[0]["user_agent"].startswith("PraxisTest/1.0 (phone)"), listed
    assert listed[0]["user_agent"].isascii(), listed
    assert listed[1]["user_agent"] == "PraxisTest/1.0 (laptop)", listed
    assert [s["current"] for s in listed] == [False, True, False], listed
    ids = [s["id"] for s in listed]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 3, listed
    for s in listed:
        assert s["expires_at"] - s["created_at"] == 30 * DAY_MS, s
    # One page holds all; the `current` flag follows the presenting session.
    page = expect(await http(server, "GET", "/api/sessions", token=phone), 200).json()
    assert page["next"] is None and [s["current"] for s in page["sessions"]] == [True, False, False]
    for bad in ("?limit=0", "?limit=x", "?cursor=nonsense", "?cursor=5:abc"):
        expect(await http(server, "GET", "/api/sessions" + bad, token=phone), 400, "bad_field")
    expect(await http(server, "GET", "/api/sessions"), 401, "unauthenticated")


@async_test
async def test_sessions_of_a_user_are_for_admins(server):
    admin = server.admin_user()
    ann, ben = server.new_user("Ann"), server.new_user("Ben")
    path = f"/api/users/{ann.id}/sessions"
    expect(await http(server, "GET", path), 401, "unauthenticated")
    expect(await http(server, "GET", path, token=ben.token), 403, "forbidden")
    expect(await http(server, "GET", path, token=ann.token), 403, "forbidden")
    expect(await http(server, "GET", "/api/users/99999/sessions", token=admin.token), 404, "not_found")
    listed = await asyncio.to_thread(sessions, server, admin.token, path)
    assert len(listed) == 1 and listed[0]["current"] is False, listed
    own = await asyncio.to_thread(sessions, server, ann.token)
    assert [s["id"] for s in own] == [s["id"] for s in listed]


@async_test
async def test_revoke_a_session(server):
    admin = server.admin_user()
    ann, ben = server.new_user("Ann"), server.new_user("Ben")
    other, third = server.login(ann), server.login(ann)
    here = await connect(server, ann)
    there = await connect(server, ann, token=other)
    yonder = await connect(server, ann, token=third)
    bens = await connect(server, ben)

    async def current_id(token):
        return next(s["id"] for s in await asyncio.to_thread(sessions, server, token) if s["current"])

    here_id, other_id, third_id = [await current_id(t) for t in (ann.token, other, third)]

    # Who may not: signed out, another member (told "not found", whether it exists or not).
    expect(await http(server, "DELETE", f"/api/sessions/{other_id}"), 401, "unauthenticated")
    expect(await http(server, "DELETE", f"/api/sessions/{other_id}", token=ben.token), 404, "not_found")
    expect(await http(server, "DELETE", "/api/sessions/99999", token=ann.token), 404, "not_found")
    expect(await http(server, "DELETE", f"/api/sessions/{other_id}", cookie=ann.token), 403, "forbidden")
    await still_open(here, there, yonder, bens)
    assert signed_in(server, other)

    # The owner.
    expect(await http(server, "DELETE", f"/api/sessions/{other_id}", token=ann.token), 204)
    await all_closed_4009(there)
    await still_open(here, yonder, bens)
    assert not signed_in(server, other) and signed_in(server, ann.token)
    expect(await http(server, "DELETE", f"/api/sessions/{other_id}", token=ann.token), 404, "not_found")

    # An admin, anyone's.
    expect(await http(server, "DELETE", f"/api/sessions/{third_id}", token=admin.token), 204)
    await all_closed_4009(yonder)
    await still_open(here, bens)

    # One's own presenting session: like logout, the cookie is cleared.
    resp = expect(await http(server, "DELETE", f"/api/sessions/{here_id}", token=ann.token), 204)
    cookie = resp.cookie()
    assert cookie is not None and cookie[1].get("max-age") == "0", f"cookie not cleared: {resp.headers}"
    await all_closed_4009(here)
    await still_open(bens)
    assert not signed_in(server, ann.token)


# --------------------------------------------------------------------------- limits and lists


@async_test
async def test_signing_in_past_max_sessions_ends_the_oldest(start_praxis):
    server = start_praxis({**FAST, "max-sessions-per-user": 3})
    ann, ben = server.new_user("Ann"), server.new_user("Ben")  # registering signs in: one each
    second, third = server.login(ann), server.login(ann)
    oldest = await connect(server, ann)
    newer = await connect(server, ann, token=second)
    bens = await connect(server, ben)
    assert len(await asyncio.to_thread(sessions, server, third)) == 3  # at the edge: all live

    fourth = expect(await http(server, "POST", "/api/login",
                               {"email": ann.email, "password": ann.password}), 200).json()["token"]
    await all_closed_4009(oldest)
    await still_open(newer, bens)
    assert not signed_in(server, ann.token)
    assert all(signed_in(server, t) for t in (second, third, fourth))
    assert len(await asyncio.to_thread(sessions, server, fourth)) == 3
    assert signed_in(server, ben.token)  # another user's sessions are not touched


def test_account_changes_are_rate_limited(start_praxis):
    server = start_praxis({**FAST, "account-actions-per-second": 0.001, "account-actions-burst": 2})
    ann, ben = server.new_user("Ann"), server.new_user("Ben")
    for name in ("Ann A.", "Ann B."):
        expect(server.http("PATCH", "/api/me", {"display_name": name}, token=ann.token), 200)
    resp = expect(server.http("PATCH", "/api/me", {"display_name": "Ann C."}, token=ann.token), 429,
                  "rate_limited")
    assert resp.json()["error"]["retry_after"] >= 1 and resp.headers.get("Retry-After"), resp
    change = {"current_password": ann.password, "new_password": NEW_PASSWORD}
    expect(server.http("POST", "/api/me/password", change, token=ann.token), 429, "rate_limited")
    expect(server.http("DELETE", "/api/sessions/1", token=ann.token), 429, "rate_limited")
    me = expect(server.http("GET", "/api/me", token=ann.token), 200).json()["user"]
    assert me["display_name"] == "Ann B.", me
    expect(login(server, ann.email, ann.password), 200)
    # Per user: Ben is not held up.
    expect(server.http("PATCH", "/api/me", {"display_name": "Ben B."}, token=ben.token), 200)


def test_users_and_invitations_are_paged(server):
    admin = server.admin_user()
    made = [server.new_user(name) for name in ("Zoe", "Amy", "Max", "Amy")]
    everyone = expect(server.http("GET", "/api/users", token=made[0].token), 200).json()
    assert everyone["next"] is None
    names = [u["display_name"] for u in everyone["users"]]
    assert names == ["Admin", "Amy", "Amy", "Max", "Zoe"], names

    def walk(path, key, token):
        out, cursor, pages = [], None, 0
        while True:
            query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
            body = expect(server.http("GET", path + query, token=token), 200).json()
            assert len(body[key]) <= 2, body
            out += body[key]
            pages += 1
            cursor = body["next"]
            if cursor is None:
                return out, pages
            cursor = urllib.parse.quote(cursor, safe="")

    paged, pages = walk("/api/users", "users", made[0].token)
    assert paged == everyone["users"] and pages == 3
    invitations = expect(server.http("GET", "/api/invitations", token=admin.token), 200).json()
    assert invitations["next"] is None and len(invitations["invitations"]) == 4
    paged, pages = walk("/api/invitations", "invitations", admin.token)
    assert paged == invitations["invitations"] and pages == 2
    created = [i["created_at"] for i in paged]
    assert created == sorted(created, reverse=True), "invitations are not newest first"
    expect(server.http("GET", "/api/users?limit=-1", token=admin.token), 400, "bad_field")
    expect(server.http("GET", "/api/invitations?cursor=x", token=admin.token), 400, "bad_field")
    expect(server.http("GET", "/api/invitations?limit=2", token=made[0].token), 403, "forbidden")
