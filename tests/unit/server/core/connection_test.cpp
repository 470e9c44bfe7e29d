#include "server/core/connection.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "../fake_connection.hpp"
#include "protocol/core/limits.hpp"
#include "server/core/delivery.hpp"

namespace praxis::server {
namespace {

using test::connection;

TEST_CASE("connection: a posted task that throws closes only its own connection, with 1011") {
  auto failing = connection(1);
  auto other = connection(2);
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
    failing->post([] { throw std::logic_error("again"); });
    CHECK(failing->closed.size() == 2);
  }
}

TEST_CASE("connection: a throw of something that is not a std::exception is contained too") {
  auto c = connection(1);
  c->post([] { throw 42; });
  REQUIRE(c->closed.size() == 1);
  CHECK(c->closed[0].first == protocol::kCloseInternalError);
}

TEST_CASE("connection: guarded() runs a task at once, with the same guard") {
  auto c = connection(1);
  int runs = 0;
  c->guarded([&] { ++runs; });
  c->guarded([] { throw std::logic_error("bad"); });
  CHECK(runs == 1);
  REQUIRE(c->closed.size() == 1);
  CHECK(c->closed[0].first == protocol::kCloseInternalError);
}

TEST_CASE("connection: posted work waits for the strand, in order, and keeps it alive") {
  auto c = connection(1, false);
  std::vector<int> order;
  c->post([&] { order.push_back(1); });
  c->post([&] { c->post([&] { order.push_back(3); }); });
  c->post([&] { order.push_back(2); });
  CHECK(order.empty());
  CHECK(c.use_count() == 4);  // each waiting task holds its connection
  CHECK(c->run_posted() == 4);
  CHECK(order == std::vector<int>{1, 2, 3});
  CHECK(c.use_count() == 1);
}

TEST_CASE("connection: push asks for one drain until take()") {
  auto c = connection(1);
  CHECK(c->push(Connection::Item::message(make_payload("1"))));
  CHECK_FALSE(c->push(Connection::Item::message(make_payload("2"))));
  std::vector<Connection::Item> items;
  c->take(items);
  REQUIRE(items.size() == 2);
  CHECK(*items[0].payload == "1");
  CHECK(*items[1].payload == "2");
  CHECK(c->push(Connection::Item::work([] {})));  // a fresh drain
  c->take(items);
  CHECK(items.size() == 1);
}

TEST_CASE("connection: slot() is one value per type and connection") {
  struct Counter {
    int n = 0;
  };
  auto a = connection(1);
  auto b = connection(1);
  ++a->slot<Counter>().n;
  ++a->slot<Counter>().n;
  CHECK(a->slot<Counter>().n == 2);
  CHECK(b->slot<Counter>().n == 0);
  CHECK(a->slot<std::string>().empty());
}

}  // namespace
}  // namespace praxis::server
