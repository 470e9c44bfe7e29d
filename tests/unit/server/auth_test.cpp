#include "server/auth.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server_fixture.hpp"

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

storage::Id user_of(const AuthResult& r) {
  if (auto* p = std::get_if<Principal>(&r)) return p->user.id;
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
    CHECK(origin_allowed(server.sv, c.origin) == c.allowed);
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
      {"Bearer abc", "praxis_session=cookie", "abc"},  // bearer first
      {"Bearer ", "", std::nullopt},
      {"Bearer", "", std::nullopt},
      {"Basic dXNlcjpwdw==", "", std::nullopt},
      {"Basic dXNlcjpwdw==", "praxis_session=tok", "tok"},
      {"", "praxis_session=tok", "tok"},
      {"", "a=1; praxis_session=tok; b=2", "tok"},
      {"", "a=1;praxis_session=tok", "tok"},
      {"", "a=1;   praxis_session=tok;b=2", "tok"},
      {"", "theme=dark; lang=fi; praxis_session=tok", "tok"},
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
  const auto ada = server.signed_in("ada", "ada-token");
  REQUIRE(ada.id > 0);
  const std::string cookie = "theme=dark; praxis_session=ada-token";
  const std::string bearer = "Bearer ada-token";
  const std::string foreign = "https://evil.example";

  SECTION("WebSocket upgrade") {
    auto upgrade = [&](std::string origin, std::string with_cookie, std::string auth = "") {
      return authenticate_upgrade(server.sv, request("GET", origin, with_cookie, auth));
    };
    CHECK(refused(upgrade(foreign, cookie)) == ErrorCode::kForbidden);
    CHECK(refused(upgrade(foreign, "", bearer)) == ErrorCode::kForbidden);
    CHECK(refused(upgrade("", cookie)) == ErrorCode::kUnauthenticated);  // cookie needs Origin
    CHECK(refused(upgrade("", "")) == ErrorCode::kUnauthenticated);
    CHECK(refused(upgrade(test::kOrigin, "")) == ErrorCode::kUnauthenticated);
    CHECK(refused(upgrade(test::kOrigin, "praxis_session=wrong")) == ErrorCode::kUnauthenticated);
    CHECK(refused(upgrade("", "", "Bearer wrong")) == ErrorCode::kUnauthenticated);
    CHECK(user_of(upgrade(test::kOrigin, cookie)) == ada.id);
    CHECK(user_of(upgrade(test::kExtraOrigin, cookie)) == ada.id);
    CHECK(user_of(upgrade("", "", bearer)) == ada.id);
    CHECK(user_of(upgrade(test::kOrigin, "", bearer)) == ada.id);
  }
  SECTION("HTTP API") {
    auto api = [&](std::string method, std::string origin, std::string with_cookie,
                   std::string auth = "") {
      return authenticate_api(server.sv, request(method, origin, with_cookie, auth));
    };
    CHECK(refused(api("GET", "", "")) == ErrorCode::kUnauthenticated);
    CHECK(refused(api("POST", test::kOrigin, "")) == ErrorCode::kUnauthenticated);
    CHECK(refused(api("POST", "", cookie)) == ErrorCode::kForbidden);  // CSRF
    CHECK(refused(api("POST", foreign, cookie)) == ErrorCode::kForbidden);
    CHECK(refused(api("DELETE", "", cookie)) == ErrorCode::kForbidden);
    CHECK(refused(api("GET", "", "praxis_session=wrong")) == ErrorCode::kUnauthenticated);
    CHECK(refused(api("POST", "", "", "Bearer wrong")) == ErrorCode::kUnauthenticated);
    CHECK(user_of(api("GET", "", cookie)) == ada.id);
    CHECK(user_of(api("HEAD", foreign, cookie)) == ada.id);
    CHECK(user_of(api("POST", test::kOrigin, cookie)) == ada.id);
    CHECK(user_of(api("POST", "", "", bearer)) == ada.id);  // bearer needs no Origin
    CHECK(user_of(api("POST", foreign, "", bearer)) == ada.id);
  }
  SECTION("the principal carries the token's hash") {
    auto r = authenticate_api(server.sv, request("GET", "", "", bearer));
    REQUIRE(std::holds_alternative<Principal>(r));
    CHECK(std::get<Principal>(r).token_hash == token_hash("ada-token"));
    CHECK(std::get<Principal>(r).user.profile.email == "ada@example.org");
  }
  SECTION("an expired session is refused") {
    server.signed_in("bob", "bob-token", 1);
    CHECK(refused(authenticate_api(server.sv, request("GET", "", "", "Bearer bob-token"))) ==
          ErrorCode::kUnauthenticated);
  }
}

}  // namespace
}  // namespace praxis::server
