#include "server/hub.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "fake_session.hpp"

namespace praxis::server {
namespace {

using test::FakeSession;
using test::session;

template <class T>
std::vector<T> sorted(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::uint64_t> conns(const std::vector<Hub::SessionPtr>& sessions) {
  std::vector<std::uint64_t> out;
  for (const auto& s : sessions) out.push_back(s->identity().conn_id);
  return sorted(out);
}

using Ids = std::vector<storage::Id>;

// A hub with two sessions of user 1 (ada) and one of user 2 (bob).
struct ThreeSessions {
  ThreeSessions() {
    for (const auto& s : {a1, a2, b}) hub.add(s);
  }
  Hub hub;
  std::shared_ptr<FakeSession> a1 = session(1);
  std::shared_ptr<FakeSession> a2 = session(1);
  std::shared_ptr<FakeSession> b = session(2);
};

TEST_CASE_METHOD(ThreeSessions, "hub: presence follows a user's first and last session in a room") {
  CHECK(hub.subscribe(7, a1));        // ada comes online
  CHECK_FALSE(hub.subscribe(7, a2));  // still online
  CHECK_FALSE(hub.subscribe(7, a2));  // already subscribed
  CHECK(hub.subscribe(7, b));
  CHECK(hub.online_users(7) == Ids{1, 2});
  CHECK(conns(hub.room_sessions(7)) == conns({a1, a2, b}));

  CHECK_FALSE(hub.unsubscribe(7, a1.get()));  // a2 remains
  CHECK(hub.online_users(7) == Ids{1, 2});
  CHECK(hub.unsubscribe(7, a2.get()));  // ada goes offline
  CHECK_FALSE(hub.unsubscribe(7, a2.get()));
  CHECK(hub.online_users(7) == Ids{2});
  CHECK(hub.unsubscribe(7, b.get()));
  CHECK(hub.online_users(7).empty());
  CHECK(hub.room_sessions(7).empty());

  CHECK_FALSE(hub.unsubscribe(8, b.get()));  // never subscribed
  CHECK(hub.subscribe(7, a1));               // online again
}

TEST_CASE("hub: online_users is ascending") {
  Hub hub;
  const Ids users = {1000003, 7, 500, 42, 99999, 3, 64, 1};
  std::vector<std::shared_ptr<FakeSession>> sessions;
  for (auto u : users) {
    sessions.push_back(session(u));
    hub.add(sessions.back());
    hub.subscribe(5, sessions.back());
  }
  CHECK(hub.online_users(5) == sorted(users));
  CHECK(hub.online_users(6).empty());
}

TEST_CASE_METHOD(ThreeSessions,
                 "hub: remove unsubscribes everywhere and reports where the user went offline") {
  for (storage::Id room : {10, 20, 30}) hub.subscribe(room, a1);
  hub.subscribe(20, a2);
  hub.subscribe(30, b);
  REQUIRE(hub.size() == 3);

  CHECK(sorted(hub.remove(a1.get())) == Ids{10, 30});  // a2 keeps ada in room 20
  CHECK(hub.size() == 2);
  CHECK(hub.online_users(10).empty());
  CHECK(hub.online_users(20) == Ids{1});
  CHECK(hub.online_users(30) == Ids{2});
  CHECK(conns(hub.all_sessions()) == conns({a2, b}));

  CHECK(hub.remove(a1.get()).empty());  // twice is harmless
  CHECK(hub.remove(a2.get()) == Ids{20});
  CHECK(hub.remove(b.get()) == Ids{30});
  CHECK(hub.size() == 0);

  auto never_subscribed = session(3);
  hub.add(never_subscribed);
  CHECK(hub.remove(never_subscribed.get()).empty());
  CHECK(hub.size() == 0);
}

TEST_CASE_METHOD(ThreeSessions, "hub: user_sessions and all_sessions") {
  hub.add(a1);  // adding again changes nothing
  CHECK(hub.size() == 3);
  CHECK(conns(hub.user_sessions(1)) == conns({a1, a2}));
  CHECK(conns(hub.user_sessions(2)) == conns({b}));
  CHECK(hub.user_sessions(3).empty());
  CHECK(conns(hub.all_sessions()) == conns({a1, a2, b}));
}

TEST_CASE("hub: for_room skips the sender") {
  Hub hub;
  auto a = session(1);
  auto b = session(2);
  auto c = session(3);
  for (const auto& s : {a, b, c}) {
    hub.add(s);
    hub.subscribe(4, s);
  }
  hub.for_room(4, a.get(), [](const Hub::SessionPtr& s) {
    s->post([s] { s->send(std::make_shared<const std::string>("hi")); });
  });
  CHECK(a->sent.empty());
  CHECK(b->sent == std::vector<std::string>{"hi"});
  CHECK(c->sent == std::vector<std::string>{"hi"});

  int calls = 0;
  hub.for_room(5, nullptr, [&](const Hub::SessionPtr&) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("hub: connections per address up to the limit") {
  Hub hub;
  CHECK(hub.try_open_address("10.0.0.1", 2));
  CHECK(hub.try_open_address("10.0.0.1", 2));
  CHECK_FALSE(hub.try_open_address("10.0.0.1", 2));
  CHECK(hub.try_open_address("10.0.0.2", 2));  // another address has its own count

  hub.close_address("10.0.0.1");
  CHECK(hub.try_open_address("10.0.0.1", 2));
  CHECK_FALSE(hub.try_open_address("10.0.0.1", 2));

  hub.close_address("10.0.0.9");  // never opened: ignored
  CHECK_FALSE(hub.try_open_address("10.0.0.9", 0));

  hub.close_address("10.0.0.1");
  hub.close_address("10.0.0.1");
  hub.close_address("10.0.0.1");  // one too many: still not below zero
  CHECK(hub.try_open_address("10.0.0.1", 1));
  CHECK_FALSE(hub.try_open_address("10.0.0.1", 1));
}

TEST_CASE("hub: message token bucket allows the burst and no more") {
  Hub hub;
  protocol::Limits limits;
  limits.messages_burst = 5;
  limits.messages_per_second = 0;  // no refill: the test does not depend on timing
  for (int i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(hub.allow_message(1, limits));
  }
  CHECK_FALSE(hub.allow_message(1, limits));
  CHECK_FALSE(hub.allow_message(1, limits));
  CHECK(hub.allow_message(2, limits));  // per user

  SECTION("default limits: 30 at once, not 31") {
    const protocol::Limits defaults;
    for (int i = 0; i < 30; ++i) CHECK(hub.allow_message(3, defaults));
    CHECK_FALSE(hub.allow_message(3, defaults));
  }
}

}  // namespace
}  // namespace praxis::server
