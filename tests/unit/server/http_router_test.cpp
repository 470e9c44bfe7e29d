#include "server/http_router.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server_fixture.hpp"

namespace praxis::server {
namespace {

using Json = nlohmann::json;

HttpResponse get(test::Server& server, std::string method, std::string target,
                 std::string authorization = "") {
  HttpRequest req;
  req.method = std::move(method);
  req.target = std::move(target);
  req.authorization = std::move(authorization);
  req.address = "127.0.0.1";
  return route(server.sv, req);
}

TEST_CASE("router: /healthz") {
  test::Server server;
  for (const char* target : {"/healthz", "/healthz?probe=1"}) {
    CAPTURE(target);
    const auto res = get(server, "GET", target);
    CHECK(res.status == 200);
    CHECK(res.content_type == "application/json");
    CHECK(Json::parse(res.body) == Json{{"status", "ok"}, {"database", "ok"}});
  }
}

TEST_CASE("router: /metrics") {
  test::Server server;
  const auto res = get(server, "GET", "/metrics");
  CHECK(res.status == 200);
  CHECK(res.content_type.rfind("text/plain; version=0.0.4", 0) == 0);
  CHECK(res.body.find("praxis_write_queue_depth 0\n") != std::string::npos);
}

TEST_CASE("router: unknown routes are not_found") {
  test::Server server;
  struct Case {
    std::string method, target;
  };
  const std::vector<Case> cases = {
      {"GET", "/api/nope"},     {"GET", "/api/"},     {"DELETE", "/api/me"},
      {"GET", "/api/login"},    {"POST", "/healthz"}, {"POST", "/metrics"},
      {"POST", "/rooms/42"},    {"PUT", "/"},         {"GET", "/api/me/extra"},
      {"GET", "/api/nope?x=1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.method, c.target);
    const auto res = get(server, c.method, c.target);
    CHECK(res.status == 404);
    CHECK(res.content_type == "application/json");
    CHECK(Json::parse(res.body)["error"]["code"] == "not_found");
  }
}

TEST_CASE("router: /api/me") {
  test::Server server;
  SECTION("without credentials: unauthenticated") {
    const auto res = get(server, "GET", "/api/me");
    CHECK(res.status == 401);
    CHECK(Json::parse(res.body)["error"]["code"] == "unauthenticated");
  }
  SECTION("with a bearer token: the user") {
    const auto ada = server.signed_in("ada", "ada-token");
    const auto res = get(server, "GET", "/api/me", "Bearer ada-token");
    CHECK(res.status == 200);
    const auto body = Json::parse(res.body);
    CHECK(body["user"]["id"] == ada.id);
    CHECK(body["user"]["display_name"] == "ada");
  }
}

TEST_CASE("router: other GETs are the web client") {
  test::Server server;
  for (const char* target : {"/", "/setup?token=abc", "/rooms/42"}) {
    CAPTURE(target);
    const auto res = get(server, "GET", target);
    CHECK(res.status == 200);
    CHECK(res.content_type == "text/html; charset=utf-8");
    CHECK(test::header(res, "Content-Security-Policy"));
  }
}

}  // namespace
}  // namespace praxis::server
