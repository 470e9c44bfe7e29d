// Room lists and member lists come in pages after an After{name, id} cursor.
#include "storage/rooms/queries.hpp"
// (the header under test first: it compiles on its own)
#include <algorithm>
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

struct Walk {
  std::vector<Id> ids;
  int pages = 0;
};

// Every page of `fetch(after, limit)` until has_more is false. Each page but
// the last is full; `key` gives an item's cursor.
template <class Fetch, class Key>
Walk walk(Fetch fetch, Key key, std::int64_t limit) {
  Walk w;
  std::optional<After> after;
  for (;;) {
    auto page = fetch(after, limit);
    ++w.pages;
    for (const auto& item : page.items) w.ids.push_back(key(item).id);
    if (!page.has_more) break;
    REQUIRE(static_cast<std::int64_t>(page.items.size()) == limit);
    after = key(page.items.back());
  }
  return w;
}

int pages_for(std::size_t n, std::int64_t limit) {
  return std::max<int>(1, static_cast<int>((n + limit - 1) / limit));
}

// With every_room (an admin's overview), the private rooms ben is not in too.
TEST_CASE("rooms_for pages through the rooms a user may see") {
  const bool every_room = GENERATE(false, true);
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  struct Made {
    std::string name;
    Id id;
    bool visible;
  };
  std::vector<Made> made;
  auto make = [&](const std::string& name, Visibility v, bool ben_in) {
    Id id = db.room(ada, name, v);
    if (ben_in) REQUIRE(db.add(id, {ada}, ben) == Status::kOk);
    made.push_back({name, id, v == Visibility::kOpen || ben_in});
  };
  make("Gamma", Visibility::kOpen, true);
  make("Alpha", Visibility::kOpen, false);
  make("Beta", Visibility::kPrivate, true);
  make("Beta", Visibility::kPrivate, false);   // hidden
  make("Alpha", Visibility::kOpen, false);     // same name: ordered by id
  make("alpha", Visibility::kOpen, false);     // after "Zed": binary order
  make("Delta", Visibility::kPrivate, false);  // hidden
  make("", Visibility::kOpen, false);          // sorts first
  make("Zed", Visibility::kOpen, true);
  Id bens = db.room(ben, "Beta");  // his own private room
  made.push_back({"Beta", bens, true});

  std::vector<std::pair<std::string, Id>> order;
  for (const auto& m : made) {
    if (m.visible || every_room) order.emplace_back(m.name, m.id);
  }
  std::sort(order.begin(), order.end());
  std::vector<Id> want;
  for (const auto& [name, id] : order) want.push_back(id);
  REQUIRE(want.size() == (every_room ? 10u : 8u));

  const std::int64_t limit = GENERATE(1, 2, 3, 4, 8, 9, 100);
  auto fetch = [&](const std::optional<After>& after, std::int64_t n) {
    return db.queries.rooms_for(ben, after, n, every_room);
  };
  auto key = [](const RoomView& v) { return After{v.room.name, v.room.id}; };
  auto w = walk(fetch, key, limit);
  CHECK(w.ids == want);  // each once, none missed, in order
  CHECK(w.pages == pages_for(want.size(), limit));
}

TEST_CASE("rooms_for marks memberships in every page") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id a = db.room(ada, "a");
  Id b = db.room(ada, "b");
  REQUIRE(db.join(b, ben) == Status::kOk);
  auto first = db.queries.rooms_for(ben, std::nullopt, 1);
  REQUIRE(first.items.size() == 1);
  CHECK(first.items[0].room.id == a);
  CHECK_FALSE(first.items[0].membership);
  CHECK(first.has_more);
  auto second = db.queries.rooms_for(ben, After{"a", a}, 1);
  REQUIRE(second.items.size() == 1);
  CHECK(second.items[0].room.id == b);
  REQUIRE(second.items[0].membership);
  CHECK(second.items[0].membership->role == RoomRole::kMember);
  CHECK_FALSE(second.has_more);
}

TEST_CASE("rooms_for every_room: private rooms one is not in, without a membership") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id a = db.room(ada, "a", Visibility::kPrivate);
  Id b = db.room(ben, "b", Visibility::kPrivate);
  CHECK(db.queries.rooms_for(ben, std::nullopt, 10).items.size() == 1);  // his own only
  auto page = db.queries.rooms_for(ben, std::nullopt, 10, /*every_room=*/true);
  REQUIRE(page.items.size() == 2);
  CHECK(page.items[0].room.id == a);
  CHECK_FALSE(page.items[0].membership);
  CHECK(page.items[0].unread == 0);
  CHECK(page.items[1].room.id == b);
  REQUIRE(page.items[1].membership);
  CHECK(page.items[1].membership->role == RoomRole::kOwner);
  CHECK_FALSE(page.has_more);
}

TEST_CASE("members pages by display name and user id") {
  test::RoomsDb db;
  int made = 0;
  auto user = [&](const std::string& name) {  // display names need not be unique
    accounts::User u;
    u.profile.email = "u" + std::to_string(++made) + "@example.org";
    u.profile.display_name = name;
    u.password_hash = "hash";
    REQUIRE(db.accounts.create_user(u) == Status::kOk);
    return u.id;
  };
  std::vector<std::pair<std::string, Id>> order;
  Id owner = user("cem");
  Id r = db.room(owner, "r");
  order.emplace_back("cem", owner);
  for (const char* name : {"ann", "Bob", "bob", "Dan", "ann"}) {  // binary order
    Id u = user(name);
    REQUIRE(db.join(r, u) == Status::kOk);
    order.emplace_back(name, u);
  }
  user("eve");  // no member
  std::sort(order.begin(), order.end());
  std::vector<Id> want;
  for (const auto& [name, id] : order) want.push_back(id);

  const std::int64_t limit = GENERATE(1, 2, 4, 6, 7);
  auto fetch = [&](const std::optional<After>& after, std::int64_t n) {
    return db.queries.members(r, after, n);
  };
  auto key = [](const Member& m) { return After{m.display_name, m.user_id}; };
  auto w = walk(fetch, key, limit);
  CHECK(w.ids == want);
  CHECK(w.pages == pages_for(want.size(), limit));
}

TEST_CASE("a member list cursor stays valid while members come and go") {
  test::RoomsDb db;
  Id owner = db.user("mia");
  Id r = db.room(owner, "r");
  Id ben = db.user("ben");
  Id kim = db.user("kim");
  Id zoe = db.user("zoe");
  for (Id u : {ben, kim, zoe}) REQUIRE(db.join(r, u) == Status::kOk);

  auto first = db.queries.members(r, std::nullopt, 2);  // ben, kim
  REQUIRE(first.items.size() == 2);
  CHECK(first.items[1].user_id == kim);
  // Before the cursor: one joins, one leaves. After it: one joins.
  REQUIRE(db.join(r, db.user("abe")) == Status::kOk);
  REQUIRE(db.rooms.leave_room(r, ben) == Status::kOk);
  Id pia = db.user("pia");
  REQUIRE(db.join(r, pia) == Status::kOk);

  auto rest = db.queries.members(r, After{"kim", kim}, 10);
  std::vector<Id> ids;
  for (const auto& m : rest.items) ids.push_back(m.user_id);
  CHECK(ids == std::vector<Id>{owner, pia, zoe});  // nothing twice, nothing after it missed
  CHECK_FALSE(rest.has_more);
}

}  // namespace
}  // namespace praxis::storage::rooms
