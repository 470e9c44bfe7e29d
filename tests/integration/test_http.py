"""HTTP API (PROTOCOL.md section 1): health, metrics, setup, login, logout,
invitations, registration, field rules, body limit, Origin rule for cookies."""
import json
import time

import pytest

from praxis_harness import (ADMIN_EMAIL, ADMIN_PASSWORD, SETUP_LINK, async_test, connect, eventually,
                            expect, parse_metrics, user_fields)

DAY_MS = 24 * 3600 * 1000


def now_ms():
    return int(time.time() * 1000)


def assert_session_cookie(resp):
    cookie = resp.cookie("praxis_session")
    assert cookie, f"no praxis_session cookie set: {resp.headers.get_all('Set-Cookie')}"
    value, attrs = cookie
    assert value, "the praxis_session cookie is empty"
    assert "httponly" in attrs, f"praxis_session is not HttpOnly: {attrs}"
    assert attrs.get("samesite", "").lower() == "strict", f"praxis_session is not SameSite=Strict: {attrs}"
    assert attrs.get("path") == "/", f"praxis_session has no Path=/: {attrs}"
    return value


# --------------------------------------------------------------------------- health, metrics


def test_healthz(praxis):
    resp = expect(praxis.http("GET", "/healthz"), 200)
    assert resp.headers.get("Content-Type", "").startswith("application/json"), resp.headers
    body = resp.json()
    assert body.get("status") == "ok" and body.get("database") == "ok", body


SERIES = ["praxis_connections", "praxis_http_requests_total", "praxis_messages_in_total",
          "praxis_messages_out_total", "praxis_commit_seconds_bucket", "praxis_commit_seconds_sum",
          "praxis_commit_seconds_count", "praxis_write_queue_depth", "praxis_outbound_queue_bytes",
          "praxis_slow_consumers_total"]


def test_metrics_has_every_series(praxis):
    resp = expect(praxis.http("GET", "/metrics"), 200)
    assert resp.headers.get("Content-Type", "").startswith("text/plain"), resp.headers
    text = resp.body.decode()
    names = {key.split("{")[0] for key in parse_metrics(text)}
    missing = [name for name in SERIES if name not in names]
    assert not missing, f"/metrics lacks {missing}:\n{text}"
    assert "# TYPE praxis_commit_seconds histogram" in text, "praxis_commit_seconds is not declared a histogram"


def test_metrics_count_requests(praxis):
    before = praxis.metric("praxis_http_requests_total")
    expect(praxis.http("GET", "/healthz"), 200)
    assert praxis.metric("praxis_http_requests_total") > before, "praxis_http_requests_total did not grow"


@async_test
async def test_metrics_count_connections_and_messages(praxis):
    ann = praxis.new_user("Ann")
    first = await connect(praxis, ann)
    second = await connect(praxis, ann)
    await eventually(lambda: praxis.metric("praxis_connections") == 2, "praxis_connections 2")
    before_in = praxis.metric("praxis_messages_in_total")
    before_out = praxis.metric("praxis_messages_out_total")
    await first.ping()
    samples = praxis.metrics()
    assert samples["praxis_messages_in_total"] > before_in, "praxis_messages_in_total did not count a ping"
    assert samples["praxis_messages_out_total"] > before_out, "praxis_messages_out_total did not count a pong"
    await second.close()
    await eventually(lambda: praxis.metric("praxis_connections") == 1, "praxis_connections back to 1")


# --------------------------------------------------------------------------- setup


def setup_body(token, email="ada@school.example"):
    return {"token": token, **user_fields(email, "Ada", institution="Omnia", country="FI",
                                          languages=["fi", "en"], time_zone="Europe/Helsinki")}


def test_setup_flow(start_praxis):
    server = start_praxis(admin=False)
    token = server.setup_token()
    assert expect(server.http("GET", "/api/setup"), 200).json() == {"needed": True}

    expect(server.http("POST", "/api/setup", setup_body(token + "x")), 403, "forbidden")
    resp = expect(server.http("POST", "/api/setup", setup_body(token)), 201)
    body = resp.json()
    assert body["user"]["role"] == "admin" and body["user"]["email"] == "ada@school.example", body
    cookie = assert_session_cookie(resp)

    me = expect(server.http("GET", "/api/me", token=body["token"]), 200).json()["user"]
    assert me["id"] == body["user"]["id"] and me["role"] == "admin", me
    expect(server.http("GET", "/api/me", cookie=cookie), 200)
    assert expect(server.http("GET", "/api/setup"), 200).json().get("needed") is False

    # The token is used: a second setup (even with another e-mail) is refused.
    expect(server.http("POST", "/api/setup", setup_body(token, "eve@evil.example")), 403, "forbidden")
    expect(server.http("POST", "/api/login", {"email": "eve@evil.example", "password": "another long secret"}),
           401, "bad_credentials")


def test_setup_not_offered_when_admin_given(praxis):
    assert expect(praxis.http("GET", "/api/setup"), 200).json().get("needed") is False
    assert not SETUP_LINK.search(praxis.log_text()), "praxisd printed a setup link although an admin exists"
    expect(praxis.http("POST", "/api/setup", setup_body("anything")), 403, "forbidden")


def test_setup_link_survives_restart_until_used(start_praxis):
    server = start_praxis(admin=False)
    server.setup_token()
    server.restart()
    token = server.setup_token()
    expect(server.http("POST", "/api/setup", setup_body(token)), 201)


# --------------------------------------------------------------------------- login, logout


def test_login(praxis):
    resp = expect(praxis.http("POST", "/api/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}), 200)
    body = resp.json()
    assert body["user"]["email"] == ADMIN_EMAIL and body["user"]["role"] == "admin", body
    assert_session_cookie(resp)
    me = expect(praxis.http("GET", "/api/me", token=body["token"]), 200).json()["user"]
    assert me["id"] == body["user"]["id"], me


@pytest.mark.parametrize("email,password", [
    (ADMIN_EMAIL, "wrong password"),
    ("nobody@praxis.test", ADMIN_PASSWORD),
], ids=["wrong password", "unknown e-mail"])
def test_login_bad_credentials(praxis, email, password):
    expect(praxis.http("POST", "/api/login", {"email": email, "password": password}), 401, "bad_credentials")


FAILURES = 3  # --login-failures-before-delay in the throttling tests


def login(server, email, password, source):
    return server.http("POST", "/api/login", {"email": email, "password": password}, source=source)


def assert_throttled(resp):
    expect(resp, 429, "rate_limited")
    retry_after = resp.json()["error"].get("retry_after")
    assert isinstance(retry_after, (int, float)) and retry_after > 0, f"no positive retry_after: {resp}"


def test_login_below_failure_limit_works(start_praxis):
    server = start_praxis({"login-failures-before-delay": FAILURES})
    for _ in range(FAILURES - 1):
        expect(login(server, ADMIN_EMAIL, "wrong password", "127.0.0.2"), 401, "bad_credentials")
    expect(login(server, ADMIN_EMAIL, ADMIN_PASSWORD, "127.0.0.2"), 200)


def test_login_throttled_per_account(start_praxis):
    server = start_praxis({"login-failures-before-delay": FAILURES})
    for _ in range(FAILURES):
        expect(login(server, ADMIN_EMAIL, "wrong password", "127.0.0.2"), 401, "bad_credentials")
    # Right password, from another address: the account itself is throttled.
    assert_throttled(login(server, ADMIN_EMAIL, ADMIN_PASSWORD, "127.0.0.3"))


def test_login_throttled_per_address(start_praxis):
    server = start_praxis({"login-failures-before-delay": FAILURES})
    member = server.new_user("Ben")
    for i in range(FAILURES):
        expect(login(server, f"nobody{i}@praxis.test", "wrong password", "127.0.0.2"), 401, "bad_credentials")
    # Accounts without failures, from that address: throttled; from another: fine.
    assert_throttled(login(server, member.email, member.password, "127.0.0.2"))
    expect(login(server, member.email, member.password, "127.0.0.1"), 200)


def test_logout_revokes_only_that_session(praxis):
    ben = praxis.new_user("Ben")
    other_session = praxis.login(ben)
    resp = expect(praxis.http("POST", "/api/logout", token=ben.token), 204)
    assert resp.body == b"", f"204 with a body: {resp}"
    expect(praxis.http("GET", "/api/me", token=ben.token), 401, "unauthenticated")
    expect(praxis.http("GET", "/api/me", token=other_session), 200)


def test_logout_by_cookie_clears_cookie(praxis):
    ben = praxis.new_user("Ben")
    resp = expect(praxis.http("POST", "/api/logout", cookie=ben.token, origin=praxis.origin), 204)
    cookie = resp.cookie("praxis_session")
    assert cookie, f"logout did not clear the cookie: {resp.headers.get_all('Set-Cookie')}"
    value, attrs = cookie
    assert value == "" or attrs.get("max-age") == "0" or "expires" in attrs, f"cookie not cleared: {cookie}"
    expect(praxis.http("GET", "/api/me", cookie=ben.token), 401, "unauthenticated")


# --------------------------------------------------------------------------- invitations


def test_invitation_by_admin(praxis):
    admin = praxis.admin_user()
    resp = expect(praxis.http("POST", "/api/invitations", {"email": "ben@partner.example", "role": "member"},
                              token=admin.token), 201)
    invitation = resp.json()["invitation"]
    assert invitation["token"] and f"/register?invitation={invitation['token']}" in invitation["url"], invitation
    assert invitation["url"].startswith(praxis.base_url) or invitation["url"].startswith("http://localhost:"), \
        invitation
    assert abs(invitation["expires_at"] - (now_ms() + 14 * DAY_MS)) < DAY_MS, f"not valid for 14 days: {invitation}"


def test_invitation_list_newest_first_with_used_flag(praxis):
    admin = praxis.admin_user()
    first = praxis.invite(email="first@praxis.test")
    praxis.invite(email="second@praxis.test")
    expect(praxis.http("POST", "/api/register", {"invitation": first, **user_fields("first@praxis.test")}), 201)
    listed = expect(praxis.http("GET", "/api/invitations", token=admin.token), 200).json()["invitations"]
    assert [i["email"] for i in listed] == ["second@praxis.test", "first@praxis.test"], listed
    assert [i["used"] for i in listed] == [False, True], listed
    assert all(i["role"] == "member" for i in listed), listed


def test_invitations_are_admin_only(praxis):
    ben = praxis.new_user("Ben")
    expect(praxis.http("POST", "/api/invitations", {}, token=ben.token), 403, "forbidden")
    expect(praxis.http("GET", "/api/invitations", token=ben.token), 403, "forbidden")


def test_admin_invitation_makes_admin(praxis):
    carla = praxis.new_user("Carla", role="admin")
    assert carla.role == "admin"
    expect(praxis.http("POST", "/api/invitations", {}, token=carla.token), 201)


# --------------------------------------------------------------------------- registration


def test_register(praxis):
    invitation = praxis.invite()
    fields = user_fields("ben@partner.example")
    resp = expect(praxis.http("POST", "/api/register", {"invitation": invitation, **fields}), 201)
    body = resp.json()
    assert_session_cookie(resp)
    user = body["user"]
    for key in ("email", "display_name", "institution", "country", "languages", "time_zone"):
        assert user[key] == fields[key], f"{key}: sent {fields[key]!r}, got {user[key]!r}"
    assert user["role"] == "member" and isinstance(user["id"], int) and user["id"] > 0, user
    me = expect(praxis.http("GET", "/api/me", token=body["token"]), 200).json()["user"]
    assert me["id"] == user["id"], me


def test_register_with_used_invitation(praxis):
    invitation = praxis.invite()
    expect(praxis.http("POST", "/api/register", {"invitation": invitation, **user_fields("a@praxis.test")}), 201)
    expect(praxis.http("POST", "/api/register", {"invitation": invitation, **user_fields("b@praxis.test")}),
           403, "forbidden")


def test_register_with_unknown_invitation(praxis):
    expect(praxis.http("POST", "/api/register", {"invitation": "no-such-invitation", **user_fields("a@praxis.test")}),
           403, "forbidden")


def test_register_taken_email(praxis):
    ben = praxis.new_user("Ben")
    invitation = praxis.invite()
    expect(praxis.http("POST", "/api/register", {"invitation": invitation, **user_fields(ben.email)}), 409, "conflict")
    # Nothing changed: the invitation is still unused.
    expect(praxis.http("POST", "/api/register", {"invitation": invitation, **user_fields("new@praxis.test")}), 201)


MISSING = object()
LANGS_11 = ["en", "de", "fi", "it", "es", "el", "fr", "sv", "nl", "pt", "pl"]

BAD_FIELDS = [
    ("email", "ben.partner.example"),
    ("email", "ben@@partner.example"),
    ("email", "a@"),
    ("email", "b" * 249 + "@x.org"),  # 255 bytes
    ("email", 42),
    ("email", MISSING),
    ("password", "1234567"),  # 7 bytes
    ("password", "p" * 1025),
    ("password", MISSING),
    ("display_name", ""),
    ("display_name", "ä" * 81),
    ("display_name", MISSING),
    ("institution", "i" * 121),
    ("country", "DEU"),
    ("country", "D1"),
    ("languages", LANGS_11),
    ("languages", "en"),
    ("languages", ["not a tag!"]),
    ("time_zone", "Europe/" + "x" * 58),  # 65 bytes
    ("time_zone", 3),
]


@pytest.mark.parametrize("name,value", BAD_FIELDS,
                         ids=[f"{n}={'missing' if v is MISSING else repr(v)[:20]}" for n, v in BAD_FIELDS])
def test_register_bad_field(praxis, name, value):
    invitation = praxis.invite()
    fields = user_fields("ben@partner.example")
    if value is MISSING:
        del fields[name]
    else:
        fields[name] = value
    resp = expect(praxis.http("POST", "/api/register", {"invitation": invitation, **fields}), 400, "bad_field")
    assert name in resp.json()["error"]["message"], f"the message does not name {name}: {resp}"
    # Nothing changed: the invitation still works.
    expect(praxis.http("POST", "/api/register", {"invitation": invitation, **user_fields("ben@partner.example")}),
           201)


EDGE_FIELDS = [
    ("email", "a@b"),  # 3 bytes
    ("email", "e" * 64 + "@" + ("d" * 61 + ".") * 3 + "org"),  # 254 bytes
    ("password", "12345678"),
    ("password", "p" * 1024),
    ("display_name", "A"),
    ("display_name", "ä" * 80),  # 80 characters, 160 bytes
    ("institution", ""),
    ("institution", "i" * 120),
    ("country", ""),
    ("languages", []),
    ("languages", LANGS_11[:10]),
]


@pytest.mark.parametrize("name,value", EDGE_FIELDS, ids=[f"{n}={repr(v)[:20]}" for n, v in EDGE_FIELDS])
def test_register_field_at_limit(praxis, name, value):
    fields = {**user_fields("ben@partner.example"), name: value}
    resp = expect(praxis.http("POST", "/api/register", {"invitation": praxis.invite(), **fields}), 201)
    if name != "password":
        assert resp.json()["user"][name] == value, resp
    expect(praxis.http("POST", "/api/login", {"email": fields["email"], "password": fields["password"]}), 200)


def test_body_limit(start_praxis):
    server = start_praxis({"max-body-bytes": 4096})
    body = json.dumps({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).encode()
    at_limit = body + b" " * (4096 - len(body))
    expect(server.http("POST", "/api/login", at_limit), 200)
    expect(server.http("POST", "/api/login", at_limit + b" "), 413, "too_large")


@pytest.mark.parametrize("body", ["{\"email\": ", "[]", "42", ""], ids=["truncated", "array", "number", "empty"])
def test_body_not_a_json_object(praxis, body):
    expect(praxis.http("POST", "/api/login", body), 400, "bad_json")


def test_body_not_utf8(praxis):
    body = b'{"email": "\xff\xfe@praxis.test", "password": "whatever long"}'
    expect(praxis.http("POST", "/api/login", body), 400, "bad_utf8")


# --------------------------------------------------------------------------- authentication


@pytest.mark.parametrize("path", ["/api/me", "/api/users"])
@pytest.mark.parametrize("creds", [{}, {"token": "not-a-token"}, {"cookie": "not-a-token"}],
                         ids=["none", "bad bearer", "bad cookie"])
def test_unauthenticated(praxis, path, creds):
    expect(praxis.http("GET", path, **creds), 401, "unauthenticated")


@pytest.mark.parametrize("origin,status", [
    (None, 403), ("https://evil.example", 403), ("null", 403), ("own", 201), ("localhost", 201),
], ids=["no origin", "foreign origin", "null origin", "own origin", "localhost origin"])
def test_cookie_post_needs_allowed_origin(praxis, origin, status):
    origin = {"own": praxis.origin, "localhost": f"http://localhost:{praxis.port}"}.get(origin, origin)
    resp = praxis.http("POST", "/api/invitations", {}, cookie=praxis.admin_user().token, origin=origin)
    expect(resp, status, "forbidden" if status == 403 else None)


def test_cookie_get_and_bearer_post_need_no_origin(praxis):
    admin = praxis.admin_user()
    expect(praxis.http("GET", "/api/me", cookie=admin.token), 200)
    expect(praxis.http("POST", "/api/invitations", {}, token=admin.token), 201)


def test_users_list(praxis):
    zed, amy = praxis.new_user("Zed"), praxis.new_user("Amy")
    users = expect(praxis.http("GET", "/api/users", token=zed.token), 200).json()["users"]
    assert [u["display_name"] for u in users] == ["Admin", "Amy", "Zed"], users
    by_id = {u["id"]: u for u in users}
    assert "email" not in by_id[amy.id], f"a member sees another member's e-mail: {by_id[amy.id]}"
    for key in ("display_name", "institution", "country", "languages", "time_zone", "role"):
        assert key in by_id[amy.id], f"USER lacks {key}: {by_id[amy.id]}"


def test_profile_update(praxis):
    amy = praxis.new_user("Amy")
    change = {"display_name": "Amy K.", "institution": "Omnia", "country": "fi",
              "languages": ["fi", "sv"], "time_zone": "Europe/Helsinki"}
    user = expect(praxis.http("PATCH", "/api/me", change, token=amy.token), 200).json()["user"]
    assert {k: user[k] for k in change} == {**change, "country": "FI"}, user
    me = expect(praxis.http("GET", "/api/me", token=amy.token), 200).json()["user"]
    assert me["display_name"] == "Amy K." and me["languages"] == ["fi", "sv"], me
    partial = expect(praxis.http("PATCH", "/api/me", {"institution": "Bfz"}, token=amy.token), 200)
    assert partial.json()["user"]["display_name"] == "Amy K.", "a partial update reset other fields"


@pytest.mark.parametrize("body", [{"email": "x@y.z"}, {"role": "admin"}, {"display_name": ""},
                                  {"languages": "fi"}, {"country": "FIN"}],
                         ids=["email", "role", "empty-name", "languages-not-list", "country"])
def test_profile_update_refused(praxis, body):
    amy = praxis.new_user("Amy")
    error = expect(praxis.http("PATCH", "/api/me", body, token=amy.token), 400).json()["error"]
    assert error["code"] == "bad_field", error
    me = expect(praxis.http("GET", "/api/me", token=amy.token), 200).json()["user"]
    assert me["display_name"] == "Amy" and me["role"] == "member", f"a refused update changed {me}"


def test_profile_update_needs_a_session(praxis):
    expect(praxis.http("PATCH", "/api/me", {"display_name": "X"}), 401)
