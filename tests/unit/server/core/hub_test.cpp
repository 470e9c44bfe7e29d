#include "server/core/hub.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../fake_connection.hpp"

namespace praxis::server {
namespace {

using test::connection;
using test::FakeConnection;

template <class T>
std::vector<T> sorted(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::uint64_t> conns(const std::vector<ConnectionPtr>& cs) {
  std::vector<std::uint64_t> out;
  for (const auto& c : cs) out.push_back(c->id());
  return sorted(out);
}

std::vector<std::pair<Id, std::string>> changes(std::vector<PresenceChange> v) {
  std::vector<std::pair<Id, std::string>> out;
  for (auto& c : v) out.emplace_back(c.stream, std::move(c.kind));
  return sorted(out);
}

using Ids = std::vector<Id>;

// A hub with two connections of user 1 (ada) and one of user 2 (bob).
struct ThreeConnections {
  ThreeConnections() {
    for (const auto& c : {a1, a2, b}) hub.add(c);
  }
  Hub hub;
  std::shared_ptr<FakeConnection> a1 = connection(1);
  std::shared_ptr<FakeConnection> a2 = connection(1);
  std::shared_ptr<FakeConnection> b = connection(2);
};

TEST_CASE_METHOD(ThreeConnections,
                 "hub: presence follows a user's first and last present subscription") {
  CHECK(hub.subscribe(7, "room", a1, true));        // ada comes online
  CHECK_FALSE(hub.subscribe(7, "room", a2, true));  // still online
  CHECK_FALSE(hub.subscribe(7, "room", a2, true));  // already subscribed
  CHECK(hub.subscribe(7, "room", b, true));
  CHECK(hub.present_users(7) == Ids{1, 2});
  CHECK(conns(*hub.stream_connections(7)) == conns({a1, a2, b}));
  CHECK(hub.subscribed(7, a1.get()));

  CHECK_FALSE(hub.unsubscribe(7, a1.get()));  // a2 remains
  CHECK_FALSE(hub.subscribed(7, a1.get()));
  CHECK(hub.present_users(7) == Ids{1, 2});
  CHECK(hub.unsubscribe(7, a2.get()));  // ada goes offline
  CHECK_FALSE(hub.unsubscribe(7, a2.get()));
  CHECK(hub.present_users(7) == Ids{2});
  std::string kind;
  CHECK(hub.unsubscribe(7, b.get(), &kind));
  CHECK(kind == "room");
  CHECK(hub.present_users(7).empty());
  CHECK(hub.stream_connections(7)->empty());

  CHECK_FALSE(hub.unsubscribe(8, b.get()));   // never subscribed
  CHECK(hub.subscribe(7, "room", a1, true));  // online again
}

TEST_CASE_METHOD(ThreeConnections, "hub: a subscription that is not present looks in only") {
  CHECK_FALSE(hub.subscribe(7, "room", a1, false));
  CHECK(hub.subscribed(7, a1.get()));
  CHECK(conns(*hub.stream_connections(7)) == conns({a1}));
  CHECK(hub.present_users(7).empty());
  CHECK_FALSE(hub.unsubscribe(7, a1.get()));  // it made nobody present

  SECTION("becoming present later counts once") {
    CHECK_FALSE(hub.subscribe(7, "room", a1, false));
    CHECK(hub.subscribe(7, "room", a1, true));
    CHECK_FALSE(hub.subscribe(7, "room", a1, true));
    CHECK_FALSE(hub.subscribe(7, "room", a1, false));  // no step back
    CHECK(hub.present_users(7) == Ids{1});
    CHECK(hub.unsubscribe(7, a1.get()));
    CHECK(hub.present_users(7).empty());
  }
  SECTION("another connection of the user keeps presence by itself") {
    CHECK(hub.subscribe(7, "room", a2, true));
    CHECK_FALSE(hub.subscribe(7, "room", a1, false));
    CHECK(hub.unsubscribe(7, a2.get()));  // the looking-in one does not count
    CHECK(hub.present_users(7).empty());
    CHECK(conns(*hub.stream_connections(7)) == conns({a1}));
  }
}

TEST_CASE_METHOD(ThreeConnections, "hub: subscribing a connection not added is a no-op") {
  auto stranger = connection(3);
  CHECK_FALSE(hub.subscribe(7, "room", stranger, true));
  CHECK_FALSE(hub.subscribed(7, stranger.get()));
  CHECK(hub.present_users(7).empty());
  CHECK_FALSE(hub.contains(stranger.get()));
}

TEST_CASE("hub: present_users is ascending") {
  Hub hub;
  const Ids users = {1000003, 7, 500, 42, 99999, 3, 64, 1};
  std::vector<std::shared_ptr<FakeConnection>> cs;
  for (auto u : users) {
    cs.push_back(connection(u));
    hub.add(cs.back());
    hub.subscribe(5, "room", cs.back(), true);
  }
  CHECK(hub.present_users(5) == sorted(users));
  CHECK(hub.present_users(6).empty());
}

TEST_CASE_METHOD(ThreeConnections,
                 "hub: remove unsubscribes everywhere and reports where the user went away") {
  hub.subscribe(10, "room", a1, true);
  hub.subscribe(20, "room", a1, true);
  hub.subscribe(30, "thread", a1, true);
  hub.subscribe(40, "board", a1, false);
  hub.subscribe(20, "room", a2, true);
  hub.subscribe(30, "thread", b, true);
  REQUIRE(hub.size() == 3);

  // a2 keeps ada in room 20; in 40 she only looked in.
  CHECK(changes(hub.remove(a1.get())) ==
        std::vector<std::pair<Id, std::string>>{{10, "room"}, {30, "thread"}});
  CHECK_FALSE(hub.contains(a1.get()));
  CHECK(hub.size() == 2);
  CHECK(hub.present_users(10).empty());
  CHECK(hub.present_users(20) == Ids{1});
  CHECK(hub.present_users(30) == Ids{2});
  CHECK(hub.stream_connections(40)->empty());
  CHECK(conns(hub.all_connections()) == conns({a2, b}));

  CHECK(hub.remove(a1.get()).empty());  // twice is harmless
  CHECK(changes(hub.remove(a2.get())) == std::vector<std::pair<Id, std::string>>{{20, "room"}});
  CHECK(changes(hub.remove(b.get())) == std::vector<std::pair<Id, std::string>>{{30, "thread"}});
  CHECK(hub.size() == 0);

  auto never_subscribed = connection(3);
  hub.add(never_subscribed);
  CHECK(hub.remove(never_subscribed.get()).empty());
  CHECK(hub.size() == 0);
}

TEST_CASE_METHOD(ThreeConnections, "hub: a stream keeps the kind it was first subscribed with") {
  hub.subscribe(7, "room", a1, true);
  hub.subscribe(7, "thread", b, true);
  std::string kind;
  hub.unsubscribe(7, b.get(), &kind);
  CHECK(kind == "room");
  CHECK(changes(hub.remove(a1.get())) == std::vector<std::pair<Id, std::string>>{{7, "room"}});
}

TEST_CASE_METHOD(ThreeConnections, "hub: user_connections and all_connections") {
  hub.add(a1);  // adding again changes nothing
  CHECK(hub.size() == 3);
  CHECK(hub.contains(a1.get()));
  CHECK(conns(hub.user_connections(1)) == conns({a1, a2}));
  CHECK(conns(hub.user_connections(2)) == conns({b}));
  CHECK(hub.user_connections(3).empty());
  CHECK(conns(hub.all_connections()) == conns({a1, a2, b}));

  hub.remove(a1.get());
  CHECK(conns(hub.user_connections(1)) == conns({a2}));
  hub.remove(a2.get());
  CHECK(hub.user_connections(1).empty());
  CHECK(conns(hub.user_connections(2)) == conns({b}));
}

}  // namespace
}  // namespace praxis::server
