#include "server/session.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "fake_session.hpp"
#include "protocol/limits.hpp"

namespace praxis::server {
namespace {

using test::session;

TEST_CASE("a posted task that throws closes only its own connection, with 1011") {
  auto failing = session(1);
  auto other = session(2);
  failing->post([] { throw std::runtime_error("no such table: mentions"); });
  bool ran = false;
  other->post([&] { ran = true; });

  REQUIRE(failing->closed.size() == 1);
  CHECK(failing->closed[0].first == protocol::kCloseInternalError);
  CHECK(other->closed.empty());
  CHECK(ran);

  SECTION("the failing connection's next task still runs (and may fail again)") {
    bool again = false;
    failing->post([&] { again = true; });
    CHECK(again);
  }
}

TEST_CASE("a throw of something that is not a std::exception is contained too") {
  auto s = session(1);
  s->post([] { throw 42; });
  REQUIRE(s->closed.size() == 1);
  CHECK(s->closed[0].first == protocol::kCloseInternalError);
}

TEST_CASE("guarded() runs a task at once, with the same guard") {
  auto s = session(1);
  int runs = 0;
  s->guarded([&] { ++runs; });
  s->guarded([] { throw std::logic_error("bad"); });
  CHECK(runs == 1);
  REQUIRE(s->closed.size() == 1);
}

}  // namespace
}  // namespace praxis::server
