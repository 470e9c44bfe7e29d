#include "server/core/auth.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "../server_fixture.hpp"
#include "server/core/core.hpp"
#include "server/core/tokens.hpp"

namespace praxis::server {
namespace {

using protocol::ErrorCode;

HttpRequest request(std::string method, std::string origin, std::string cookie,
                    std::string authorization = "") {
  HttpRequest req;
  req.method = std::move(method);
  req.target = "/ws";
  req.origin = std::move(origin);
  req.cookie = std::move(cookie);
  req.authorization = std::move(authorization);
  return req;
}

// The error code, or kInternal when authentication succeeded.
ErrorCode refused(const AuthResult& r) {
  if (auto* code = std::get_if<ErrorCode>(&r)) return *code;
  return ErrorCode::kInternal;
}

Id user_of(const AuthResult& r) {
  if (auto* p = std::get_if<Principal>(&r)) return p->user;
  return 0;
}

TEST_CASE("auth: origin_allowed") {
  test::Server server;
  struct Case {
    std::string origin;
    bool allowed;
  };
  const std::vector<Case> cases = {
      {"http://localhost:8080", true},
      {"https://extra.example", true},
      {"http://localhost:8081", false},
      {"https://localhost:8080", false},
      {"http://localhost:8080/", false},
      {"http://evil.example", false},
      {"", false},
      {"null", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.origin);
    CHECK(origin_allowed(server.core, c.origin) == c.allowed);
  }
}

TEST_CASE("auth: presented_token") {
  struct Case {
    std::string authorization;
    std::string cookie;
    std::optional<std::string> token;
  };
  const std::vector<Case> cases = {
      {"", "", std::nullopt},
      {"Bearer abc", "", "abc"},
      {"bearer abc", "", "abc"},  // the scheme is case-insensitive
      {"BEARER abc", "", "abc"},
      {"Bearer abc", "praxis_session=cookie", "abc"},  // bearer first
      {"Bearer ", "", std::nullopt},
      {"Bearer", "", std::nullopt},
      {"Basic dXNlcjpwdw==", "", std::nullopt},
      {"Basic dXNlcjpwdw==", "praxis_session=tok", "tok"},
      {"", "praxis_session=tok", "tok"},
      {"", "__Host-praxis_session=sec", "sec"},
      {"", "praxis_session=plain; __Host-praxis_session=sec", "sec"},  // the secure one first
      {"", "a=1; praxis_session=tok; b=2", "tok"},
      {"", "a=1;praxis_session=tok", "tok"},
      {"", "a=1;   praxis_session=tok;b=2", "tok"},
      {"", "xpraxis_session=evil; praxis_session=tok", "tok"},
      {"", "praxis_session_old=old; praxis_session=tok", "tok"},
      {"", "praxis_session_old=old", std::nullopt},
      {"", "a=1; b=2", std::nullopt},
      {"", "a=praxis_session=tok", std::nullopt},
      {"", "praxis_session=first; praxis_session=second", "first"},
      {"", ";;", std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.authorization, c.cookie);
    CHECK(presented_token(request("GET", "", c.cookie, c.authorization)) == c.token);
  }
}

TEST_CASE("auth: decisions") {
  test::Server server;
  server.sign_in(7, "ada", "ada-token");
  const std::string cookie = "theme=dark; praxis_session=ada-token";
  const std::string bearer = "Bearer ada-token";
  const std::string foreign = "https://evil.example";

  SECTION("WebSocket upgrade") {
    auto upgrade = [&](std::string origin, std::string with_cookie, std::string auth = "") {
      return authenticate_upgrade(server.core, request("GET", origin, with_cookie, auth));
    };
    CHECK(refused(upgrade(foreign, cookie)) == ErrorCode::kForbidden);
    CHECK(refused(upgrade(foreign, "", bearer)) == ErrorCode::kForbidden);
    CHECK(refused(upgrade("", cookie)) == ErrorCode::kUnauthenticated);  // cookie needs Origin
    CHECK(refused(upgrade("", "")) == ErrorCode::kUnauthenticated);
    CHECK(refused(upgrade(test::kOrigin, "")) == ErrorCode::kUnauthenticated);
    CHECK(refused(upgrade(test::kOrigin, "praxis_session=wrong")) == ErrorCode::kUnauthenticated);
    CHECK(refused(upgrade("", "", "Bearer wrong")) == ErrorCode::kUnauthenticated);
    CHECK(user_of(upgrade(test::kOrigin, cookie)) == 7);
    CHECK(user_of(upgrade(test::kExtraOrigin, cookie)) == 7);
    // Over plain http the __Host- cookie (which needs Secure) is not ours.
    CHECK(user_of(upgrade(test::kOrigin, "__Host-praxis_session=ada-token")) == 0);
    CHECK(user_of(upgrade("", "", bearer)) == 7);
    CHECK(user_of(upgrade(test::kOrigin, "", bearer)) == 7);
  }
  SECTION("over https only the __Host- cookie counts") {
    server.core.origin = "https://praxis.example";
    auto api = [&](std::string with_cookie) {
      return authenticate_api(server.core, request("GET", "", with_cookie));
    };
    CHECK(user_of(api("__Host-praxis_session=ada-token")) == 7);
    CHECK(refused(api("praxis_session=ada-token")) == ErrorCode::kUnauthenticated);
  }
  SECTION("HTTP API") {
    auto api = [&](std::string method, std::string origin, std::string with_cookie,
                   std::string auth = "") {
      return authenticate_api(server.core, request(method, origin, with_cookie, auth));
    };
    CHECK(refused(api("GET", "", "")) == ErrorCode::kUnauthenticated);
    CHECK(refused(api("POST", test::kOrigin, "")) == ErrorCode::kUnauthenticated);
    CHECK(refused(api("POST", "", cookie)) == ErrorCode::kForbidden);  // CSRF
    CHECK(refused(api("POST", foreign, cookie)) == ErrorCode::kForbidden);
    CHECK(refused(api("DELETE", "", cookie)) == ErrorCode::kForbidden);
    CHECK(refused(api("GET", "", "praxis_session=wrong")) == ErrorCode::kUnauthenticated);
    CHECK(refused(api("POST", "", "", "Bearer wrong")) == ErrorCode::kUnauthenticated);
    CHECK(user_of(api("GET", "", cookie)) == 7);
    CHECK(user_of(api("HEAD", foreign, cookie)) == 7);
    CHECK(user_of(api("POST", test::kOrigin, cookie)) == 7);
    CHECK(user_of(api("POST", "", "", bearer)) == 7);  // bearer needs no Origin
    CHECK(user_of(api("POST", foreign, "", bearer)) == 7);
  }
  SECTION("the principal is the authenticator's, found by the token's hash") {
    server.sign_in(8, "root", "root-token", 0, true);
    auto r = authenticate_api(server.core, request("GET", "", "", "Bearer root-token"));
    REQUIRE(std::holds_alternative<Principal>(r));
    const auto& p = std::get<Principal>(r);
    CHECK(p.user == 8);
    CHECK(p.admin);
    CHECK(p.display_name == "root");
    CHECK(p.token_hash == token_hash("root-token"));
  }
  SECTION("a session is refused once it expires, by the core's clock") {
    server.sign_in(9, "bob", "bob-token", test::kT0 + 1000);
    const auto bob = request("GET", "", "", "Bearer bob-token");
    CHECK(user_of(authenticate_api(server.core, bob)) == 9);
    server.clock.set(test::kT0 + 999);
    CHECK(user_of(authenticate_api(server.core, bob)) == 9);
    server.clock.set(test::kT0 + 1000);
    CHECK(refused(authenticate_api(server.core, bob)) == ErrorCode::kUnauthenticated);
  }
}

TEST_CASE("auth: without an authenticator every token is refused") {
  test::Server server;
  server.sign_in(7, "ada", "ada-token");
  const Registry none;
  Core core(server.settings, none, server.clock);
  core.store = server.core.store;
  core.origin = test::kOrigin;
  CHECK(refused(authenticate_api(core, request("GET", "", "", "Bearer ada-token"))) ==
        ErrorCode::kUnauthenticated);
  CHECK(refused(authenticate_upgrade(core,
                                     request("GET", test::kOrigin, "praxis_session=ada-token"))) ==
        ErrorCode::kUnauthenticated);
}

TEST_CASE("auth: served_securely and session_cookie") {
  test::Server server;
  struct Case {
    std::string origin;
    bool tls;
    bool secure;
  };
  const std::vector<Case> cases = {
      {"http://localhost:8080", false, false}, {"http://localhost:8080", true, true},  // TLS here
      {"https://chat.example", false, true},  // TLS at a proxy in front
      {"https://chat.example", true, true},    {"http://https.example", false, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.origin, c.tls);
    server.core.origin = c.origin;
    auto req = request("POST", "", "");
    req.tls = c.tls;
    CHECK(served_securely(server.core, req) == c.secure);
    const auto set = session_cookie(server.core, req, "tok", 3600);
    const std::string name = c.secure ? "__Host-praxis_session=" : "praxis_session=";
    CHECK(set.rfind(name + "tok; ", 0) == 0);
    CHECK((set.find("; Secure") != std::string::npos) == c.secure);
    CHECK(set.find("HttpOnly") != std::string::npos);
    CHECK(set.find("SameSite=Strict") != std::string::npos);
    CHECK(set.find("Path=/") != std::string::npos);  // __Host- requires Path=/ and no Domain
    CHECK(set.find("Domain") == std::string::npos);
    CHECK(set.find("Max-Age=3600") != std::string::npos);
  }
}

TEST_CASE("auth: session_cookie in full, and clearing it") {
  test::Server server;
  const auto req = request("POST", "", "");
  CHECK(session_cookie(server.core, req, "tok", 60) ==
        "praxis_session=tok; HttpOnly; SameSite=Strict; Path=/; Max-Age=60");
  server.core.origin = "https://chat.example";
  CHECK(session_cookie(server.core, req, "", 0) ==
        "__Host-praxis_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure");
}

TEST_CASE("auth: client_address") {
  const std::vector<std::string> trusted = {"10.0.0.1", "10.0.0.2"};
  struct Case {
    std::string name;
    std::string peer, forwarded_for, real_ip;
    std::string address;
  };
  const std::vector<Case> cases = {
      {"no proxy headers", "203.0.113.5", "", "", "203.0.113.5"},
      {"an untrusted peer's X-Forwarded-For is ignored", "203.0.113.5", "198.51.100.7", "",
       "203.0.113.5"},
      {"an untrusted peer's X-Real-IP is ignored", "203.0.113.5", "", "198.51.100.7",
       "203.0.113.5"},
      {"a trusted peer names the client", "10.0.0.1", "198.51.100.7", "", "198.51.100.7"},
      {"the rightmost untrusted hop: what the client sent is left of it", "10.0.0.1",
       "1.1.1.1, 198.51.100.7", "", "198.51.100.7"},
      {"several trusted hops are skipped", "10.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.2", "",
       "198.51.100.7"},
      {"hops without spaces", "10.0.0.2", "198.51.100.7,10.0.0.2,10.0.0.1", "", "198.51.100.7"},
      {"spaces around hops", "10.0.0.1", "  198.51.100.7  ,   10.0.0.2 ", "", "198.51.100.7"},
      {"empty hops are skipped", "10.0.0.1", "198.51.100.7, , ,", "", "198.51.100.7"},
      {"X-Forwarded-For wins over X-Real-IP", "10.0.0.1", "198.51.100.7", "198.51.100.9",
       "198.51.100.7"},
      {"X-Real-IP without X-Forwarded-For", "10.0.0.1", "", "198.51.100.9", "198.51.100.9"},
      {"X-Real-IP when every hop is trusted", "10.0.0.1", "10.0.0.2, 10.0.0.1", " 198.51.100.9 ",
       "198.51.100.9"},
      {"empty headers: the peer", "10.0.0.1", "", "", "10.0.0.1"},
      {"blank headers: the peer", "10.0.0.1", " , ", "  ", "10.0.0.1"},
      {"IPv6", "10.0.0.1", "2001:db8::1, 10.0.0.2", "", "2001:db8::1"},
      // One IPv4 client, one address, however a proxy writes it.
      {"IPv4-mapped IPv6 is the IPv4 address", "10.0.0.1", "::ffff:198.51.100.7", "",
       "198.51.100.7"},
      {"upper case too", "10.0.0.1", "::FFFF:198.51.100.7", "", "198.51.100.7"},
      {"in X-Real-IP", "10.0.0.1", "", "::ffff:198.51.100.9", "198.51.100.9"},
      {"an IPv6 address with ffff is not mapped", "10.0.0.1", "::ffff:1", "", "::ffff:1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(client_address(trusted, c.peer, c.forwarded_for, c.real_ip) == c.address);
  }
  CHECK(client_address({}, "10.0.0.1", "198.51.100.7", "198.51.100.9") == "10.0.0.1");
}

}  // namespace
}  // namespace praxis::server
