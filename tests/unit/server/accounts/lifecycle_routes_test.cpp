// The account lifecycle routes on a test Core (server_fixture.hpp) with a
// fixed clock: reset links end after password_reset_hours, lists page and
// mark the presenting session, and the shared refusals (throttled, allowed).
// Sign-in here is the fixture's; the users and sessions are in the database.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "../server_fixture.hpp"
#include "server/accounts/credentials.hpp"
#include "server/accounts/routes.hpp"
#include "server/core/http.hpp"
#include "server/core/router.hpp"
#include "server/core/services.hpp"
#include "storage/accounts/queries.hpp"
#include "storage/accounts/writes.hpp"

namespace praxis::server::accounts {
namespace {

using Json = nlohmann::json;
using storage::Status;
using test::kT0;

constexpr Millis kHour = 3600 * 1000;

Config cheap() {
  Config c;
  c.kdf_memory_kib = 1024;
  c.kdf_iterations = 1;
  c.account_actions_per_second = 0.001;
  c.account_actions_burst = 3;
  return c;
}

struct Accounts {
  Config config = cheap();
  State st{config};
  test::Server server{[this](Registry& r) {
    add_lifecycle_routes(r, st);
    add_session_routes(r, st);
    add_invitation_routes(r, st);
  }};

  // A user in the database, signed in (for the fixture) with token "<name>".
  Id user(const std::string& name, storage::accounts::UserRole role, const std::string& password) {
    storage::accounts::User u;
    u.profile.email = name + "@example.org";
    u.profile.display_name = name;
    u.role = role;
    u.password_hash = hash_password(password, st.kdf());
    u.created_at = kT0;
    Status status = Status::kConflict;
    REQUIRE(Services(server.core).write_sync([&](storage::Txn& tx) {
      status = storage::accounts::Writes(tx).create_user(u);
    }));
    REQUIRE(status == Status::kOk);
    server.sign_in(u.id, name, name, 0, role == storage::accounts::UserRole::kAdmin);
    return u.id;
  }
  void session(const std::string& token, Id user, Millis at, const std::string& agent = "") {
    Status status = Status::kConflict;
    REQUIRE(Services(server.core).write_sync([&](storage::Txn& tx) {
      status = storage::accounts::Writes(tx).create_session(token_hash(token), user, at, 0,
                                                            "192.0.2.1", agent);
    }));
    REQUIRE(status == Status::kOk);
  }
  HttpResponse call(const std::string& method, const std::string& target,
                    const std::string& token = "", const Json& body = nullptr) {
    HttpRequest req;
    req.method = method;
    req.target = target;
    if (!token.empty()) req.authorization = "Bearer " + token;
    if (!body.is_null()) {
      req.body = body.dump();
      req.content_type = "application/json";
    }
    req.address = "127.0.0.1";
    return route(server.core, req, match(server.registry, req));
  }
  std::string password_hash(Id id) {
    return Services(server.core).read([&](storage::Reader& r) {
      return storage::accounts::Queries(r).user_by_id(id)->password_hash;
    });
  }
};

std::string code_of(const HttpResponse& res) {
  return Json::parse(res.body).at("error").at("code").get<std::string>();
}

TEST_CASE("accounts routes: a reset link works until password_reset_hours") {
  Accounts a;
  a.config.password_reset_hours = 2;
  a.user("admin", storage::accounts::UserRole::kAdmin, "admin password");
  Id ann = a.user("ann", storage::accounts::UserRole::kMember, "ann's password");
  const auto path = "/api/users/" + std::to_string(ann) + "/password-reset";

  auto issued = a.call("POST", path, "admin");
  REQUIRE(issued.status == 201);
  const auto first = Json::parse(issued.body).at("reset");
  CHECK(first.at("expires_at") == kT0 + 2 * kHour);
  CHECK(first.at("url") ==
        std::string(test::kOrigin) + "/reset?token=" + first.at("token").get<std::string>());
  CHECK(a.call("POST", path, "ann").status == 403);

  const auto before = a.password_hash(ann);
  a.server.clock.set(kT0 + 2 * kHour);
  auto late = a.call("POST", "/api/password-reset", "",
                     {{"token", first.at("token")}, {"password", "a new long secret"}});
  CHECK(late.status == 403);
  CHECK(code_of(late) == "forbidden");
  CHECK(a.password_hash(ann) == before);

  const auto second = Json::parse(a.call("POST", path, "admin").body).at("reset");
  CHECK(second.at("expires_at") == kT0 + 4 * kHour);
  a.server.clock.set(kT0 + 4 * kHour - 1);
  CHECK(a.call("POST", "/api/password-reset", "",
               {{"token", second.at("token")}, {"password", "a new long secret"}})
            .status == 204);
  CHECK(verify_password("a new long secret", a.password_hash(ann)));
}

TEST_CASE("accounts routes: session lists page newest first and mark the current one") {
  Accounts a;
  Id ann = a.user("ann", storage::accounts::UserRole::kMember, "ann's password");
  a.session("ann", ann, kT0, "PresentingAgent");  // the token the fixture signs in with
  for (int i = 1; i <= 3; ++i) a.session("other" + std::to_string(i), ann, kT0 + i);

  std::vector<std::pair<std::string, bool>> seen;
  std::string target = "/api/sessions?limit=2";
  for (int pages = 1;; ++pages) {
    auto res = a.call("GET", target, "ann");
    REQUIRE(res.status == 200);
    const auto body = Json::parse(res.body);
    for (const auto& s : body.at("sessions")) {
      seen.emplace_back(s.at("user_agent").get<std::string>(), s.at("current").get<bool>());
      CHECK(s.at("address") == "192.0.2.1");
    }
    if (body.at("next").is_null()) {
      CHECK(pages == 2);
      break;
    }
    target = "/api/sessions?limit=2&cursor=" + body.at("next").get<std::string>();
  }
  REQUIRE(seen.size() == 4);
  CHECK(seen.back() == std::pair<std::string, bool>{"PresentingAgent", true});
  CHECK_FALSE(seen[0].second);
  CHECK(code_of(a.call("GET", "/api/sessions?limit=0", "ann")) == "bad_field");
}

TEST_CASE("accounts routes: account changes are rate-limited per user") {
  Accounts a;
  Id ann = a.user("ann", storage::accounts::UserRole::kMember, "ann's password");
  a.user("ben", storage::accounts::UserRole::kMember, "ben's password");
  (void)ann;
  for (int i = 0; i < 3; ++i) CHECK(a.call("DELETE", "/api/sessions/999", "ann").status == 404);
  auto limited = a.call("DELETE", "/api/sessions/999", "ann");
  CHECK(limited.status == 429);
  CHECK(code_of(limited) == "rate_limited");
  CHECK(Json::parse(limited.body).at("error").at("retry_after") == 1000);
  CHECK(test::header(limited, "Retry-After") == "1000");
  CHECK(a.call("DELETE", "/api/sessions/999", "ben").status == 404);
  CHECK(throttled(7).status == 429);
  CHECK(test::header(throttled(7), "Retry-After") == "7");
}

}  // namespace
}  // namespace praxis::server::accounts
