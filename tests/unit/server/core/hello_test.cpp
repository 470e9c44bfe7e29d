// hello checks the session the upgrade read once more, but only when one may
// have ended since (Live::endings moved) or it has expired: most connects
// skip the second read, and none lets an ended session in.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>

#include "../fake_connection.hpp"
#include "../server_fixture.hpp"
#include "protocol/core/limits.hpp"
#include "server/core/auth.hpp"
#include "server/core/core.hpp"
#include "server/core/dispatch.hpp"

namespace praxis::server {
namespace {

using Closed = std::pair<std::uint16_t, std::string>;

TEST_CASE("hello: reads the session again only if one may have ended since the upgrade") {
  test::Server server;
  const auto p = server.sign_in(7, "ada", "ada-token", test::kT0 + 60'000);
  const auto upgrade = [&] {
    HttpRequest req;
    req.method = "GET";
    req.target = "/ws";
    req.origin = test::kOrigin;
    req.cookie = std::string(kSessionCookie) + "=ada-token";
    auto r = authenticate_upgrade(server.core, req);
    REQUIRE(std::holds_alternative<Principal>(r));
    return std::get<Principal>(std::move(r));
  };
  const auto lookups = [&] {
    std::lock_guard lock(server.mu);
    return server.lookups;
  };
  std::uint64_t next_conn = 1;
  const auto hello = [&](Principal who) {
    auto c = std::make_shared<test::FakeConnection>(next_conn++, std::move(who));
    handle_frame(
        server.core, c,
        R"({"type":"hello","version":)" + std::to_string(protocol::kProtocolVersion) + "}");
    return c;
  };
  const auto welcomed = [](const test::FakeConnection& c) {
    return c.closed.empty() && !c.sent.empty() &&
           c.sent.front().find(R"("type":"welcome")") != std::string::npos;
  };

  SECTION("nothing ended: the upgrade's read stands") {
    const auto who = upgrade();
    const int before = lookups();
    auto c = hello(who);
    CHECK(lookups() == before);
    CHECK(welcomed(*c));
  }
  SECTION("this session ended since: read again, refused before anything is sent") {
    const auto who = upgrade();
    {
      std::lock_guard lock(server.mu);
      server.sessions.erase(p.token_hash);
    }
    server.core.live.close_session(7, p.token_hash, protocol::kCloseSessionRevoked, "signed out");
    auto c = hello(who);
    CHECK(c->closed == std::vector<Closed>{{protocol::kCloseSessionRevoked, "session ended"}});
    CHECK(c->sent.empty());
  }
  SECTION("someone's sessions or membership ended since: read again, this one stands") {
    const auto who = upgrade();
    SECTION("close_user") {
      server.core.live.close_user(8, protocol::kCloseSessionRevoked, "gone");
    }
    SECTION("revoke") { server.core.live.revoke(8, 1); }
    const int before = lookups();
    auto c = hello(who);
    CHECK(lookups() == before + 1);
    CHECK(welcomed(*c));
  }
  SECTION("expired since the upgrade: read again, refused") {
    const auto who = upgrade();
    server.clock.set(test::kT0 + 60'000);
    auto c = hello(who);
    CHECK(c->closed == std::vector<Closed>{{protocol::kCloseSessionRevoked, "session ended"}});
  }
}

}  // namespace
}  // namespace praxis::server
