#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../server_fixture.hpp"
#include "server/core/api.hpp"
#include "server/core/http.hpp"
#include "server/core/router.hpp"

namespace praxis::server {
namespace {

using Json = nlohmann::json;
using test::header;

// Routes a feature could register: path parameters, the query, who is asking.
void attach(Registry& r) {
  r.route("GET", "/api/users/{id}/sessions/{sid}", [](Http& http) {
    Json body = {{"id", http.param("id")}, {"sid", http.param("sid")}};
    if (auto id = http.id_param("id")) body["id_number"] = *id;
    if (auto q = http.query("q")) body["q"] = *q;
    return json_response(200, body);
  });
  r.route("POST", "/api/users/{id}/sessions/{sid}", [](Http&) {
    return json_response(201, {{"posted", true}});
  });
  r.route("GET", "/api/whoami", [](Http& http) {
    HttpResponse error;
    auto p = http.principal(error);
    if (!p) return error;
    return json_response(200, {{"user", p->user}, {"secure", http.secure()}});
  });
  r.route("GET", "/api/admin", [](Http& http) {
    HttpResponse error;
    auto p = http.admin(error);
    if (!p) return error;
    return no_content();
  });
}

HttpRequest request(std::string method, std::string target, std::string authorization = "") {
  HttpRequest req;
  req.method = std::move(method);
  req.target = std::move(target);
  req.authorization = std::move(authorization);
  req.address = "127.0.0.1";
  return req;
}

HttpResponse get(test::Server& server, std::string method, std::string target,
                 std::string authorization = "") {
  const auto req = request(std::move(method), std::move(target), std::move(authorization));
  return route(server.core, req, match(server.registry, req));
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
  test::Server server(attach);
  struct Case {
    std::string method, target;
  };
  const std::vector<Case> cases = {
      {"GET", "/api/nope"},     {"GET", "/api/"},
      {"GET", "/api"},          {"DELETE", "/api/me"},
      {"POST", "/healthz"},     {"POST", "/metrics"},
      {"POST", "/rooms/42"},    {"PUT", "/"},
      {"GET", "/api/nope?x=1"}, {"GET", "/api/users/1/sessions"},
      {"PUT", "/api/whoami"},   {"GET", "/api/users/1/sessions/2/more"},
      {"GET", "/api/users/1"},  {"DELETE", "/api/users/1/sessions/2"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.method, c.target);
    const auto res = get(server, c.method, c.target);
    CHECK(res.status == 404);
    CHECK(res.content_type == "application/json");
    CHECK(Json::parse(res.body)["error"]["code"] == "not_found");
  }
}

TEST_CASE("router: match takes {name} segments as parameters") {
  test::Server server(attach);
  struct Case {
    std::string method, target;
    bool matched;
    std::string id, sid;
  };
  const std::vector<Case> cases = {
      {"GET", "/api/users/12/sessions/abc", true, "12", "abc"},
      {"GET", "/api/users/12/sessions/abc?q=1", true, "12", "abc"},  // the query is not the path
      {"HEAD", "/api/users/12/sessions/abc", true, "12", "abc"},     // HEAD is looked up as GET
      {"POST", "/api/users/x/sessions/y", true, "x", "y"},
      {"GET", "/api/users/12/sessions", false, "", ""},
      {"GET", "/api/users/12/other/abc", false, "", ""},
      {"GET", "/api/users//sessions/abc", false, "", ""},
      {"PATCH", "/api/users/12/sessions/abc", false, "", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.method, c.target);
    const auto m = match(server.registry, request(c.method, c.target));
    REQUIRE(m.has_value() == c.matched);
    if (!m) continue;
    CHECK(m->route->pattern == "/api/users/{id}/sessions/{sid}");
    CHECK(m->params == std::map<std::string, std::string>{{"id", c.id}, {"sid", c.sid}});
  }
}

TEST_CASE("router: a registered route gets its parameters and query") {
  test::Server server(attach);
  const auto res = get(server, "GET", "/api/users/12/sessions/ab?x=1&q=a%20b+c%2");
  CHECK(res.status == 200);
  CHECK(Json::parse(res.body) ==
        Json{{"id", "12"}, {"sid", "ab"}, {"id_number", 12}, {"q", "a b c%2"}});
  const auto not_a_number = Json::parse(get(server, "GET", "/api/users/-3/sessions/ab").body);
  CHECK(not_a_number == Json{{"id", "-3"}, {"sid", "ab"}});
  CHECK(get(server, "POST", "/api/users/1/sessions/2").status == 201);
}

TEST_CASE("router: a route asks who is signed in") {
  test::Server server(attach);
  server.sign_in(7, "ada", "ada-token");
  server.sign_in(8, "root", "root-token", 0, true);

  const auto anonymous = get(server, "GET", "/api/whoami");
  CHECK(anonymous.status == 401);
  CHECK(Json::parse(anonymous.body)["error"]["code"] == "unauthenticated");

  const auto ada = get(server, "GET", "/api/whoami", "Bearer ada-token");
  CHECK(ada.status == 200);
  CHECK(Json::parse(ada.body) == Json{{"user", 7}, {"secure", false}});

  CHECK(get(server, "GET", "/api/admin").status == 401);
  const auto not_admin = get(server, "GET", "/api/admin", "Bearer ada-token");
  CHECK(not_admin.status == 403);
  CHECK(Json::parse(not_admin.body)["error"]["code"] == "forbidden");
  CHECK(get(server, "GET", "/api/admin", "Bearer root-token").status == 204);
}

TEST_CASE("router: a write from another site's page is refused before any route runs") {
  test::Server server(attach);
  const auto post = [&](std::string origin, std::string content_type, std::string body) {
    auto req = request("POST", "/api/users/1/sessions/2");
    req.origin = std::move(origin);
    req.content_type = std::move(content_type);
    req.body = std::move(body);
    auto res = route(server.core, req, match(server.registry, req));
    return std::make_pair(
        res.status, res.status >= 400 ? Json::parse(res.body)["error"]["code"].get<std::string>()
                                      : std::string());
  };
  using R = std::pair<unsigned, std::string>;
  CHECK(post("", "application/json", "{}") == R{201, ""});
  CHECK(post(test::kOrigin, "application/json", "{}") == R{201, ""});
  CHECK(post("", "", "") == R{201, ""});  // no body, nothing to declare
  // A form post: a foreign Origin, or a body that is not declared JSON.
  CHECK(post("https://evil.example", "application/json", "{}") == R{403, "forbidden"});
  CHECK(post("", "text/plain", "{}") == R{400, "bad_json"});
  CHECK(post("", "application/x-www-form-urlencoded", "a=b") == R{400, "bad_json"});
  CHECK(post("", "", "{}") == R{400, "bad_json"});
  // Reads are not writes: GET with any Origin is served.
  auto get_req = request("GET", "/api/users/1/sessions/2");
  get_req.origin = "https://evil.example";
  CHECK(route(server.core, get_req, match(server.registry, get_req)).status == 200);
}

TEST_CASE("router: HEAD is answered as GET, headers only") {
  test::Server server(attach);
  for (const char* target : {"/healthz", "/api/users/1/sessions/2", "/rooms/1"}) {
    CAPTURE(target);
    const auto head = get(server, "HEAD", target);
    const auto as_get = get(server, "GET", target);
    CHECK(head.status == as_get.status);
    CHECK(head.body == as_get.body);  // the transport sends its length only
    CHECK(head.head_only);
    CHECK_FALSE(as_get.head_only);
  }
}

TEST_CASE("router: every answer is nosniff; API and error answers are never cached") {
  test::Server server(attach);
  const std::vector<std::string> targets = {"/healthz", "/metrics", "/api/users/1/sessions/2",
                                            "/api/nope", "/api/whoami"};
  for (const auto& target : targets) {
    CAPTURE(target);
    const auto res = get(server, "GET", target);
    CHECK(header(res, "X-Content-Type-Options") == "nosniff");
    CHECK(header(res, "Cache-Control") == "no-store");
  }
  SECTION("static files keep their own caching, and headers are not doubled") {
    const auto res = get(server, "GET", "/");
    CHECK(header(res, "Cache-Control") == "no-cache");
    int nosniff = 0;
    for (const auto& [k, v] : res.headers) nosniff += k == "X-Content-Type-Options";
    CHECK(nosniff == 1);
  }
}

TEST_CASE("router: HSTS only when clients reach us over https") {
  test::Server server(attach);
  struct Case {
    std::string origin;
    bool tls;
    bool hsts;
  };
  const std::vector<Case> cases = {
      {test::kOrigin, false, false},
      {test::kOrigin, true, true},
      {"https://chat.example", false, true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.origin, c.tls);
    server.core.origin = c.origin;
    for (const char* target : {"/healthz", "/api/nope", "/", "/api/users/1/sessions/2"}) {
      CAPTURE(target);
      auto req = request("GET", target);
      req.tls = c.tls;
      const auto res = route(server.core, req, match(server.registry, req));
      const auto hsts = header(res, "Strict-Transport-Security");
      CHECK(hsts.has_value() == c.hsts);
      if (hsts) CHECK(*hsts == "max-age=31536000");
    }
  }
}

TEST_CASE("router: other GETs are the web client") {
  test::Server server;
  for (const char* target : {"/", "/setup?token=abc", "/rooms/42"}) {
    CAPTURE(target);
    const auto res = get(server, "GET", target);
    CHECK(res.status == 200);
    CHECK(res.content_type == "text/html; charset=utf-8");
    CHECK(header(res, "Content-Security-Policy"));
  }
}

}  // namespace
}  // namespace praxis::server
