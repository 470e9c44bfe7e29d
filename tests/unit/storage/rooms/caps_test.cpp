// Count limits on rooms: per user, per creator, per instance.
#include "storage/rooms/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

using test::kT0;

Room named(const std::string& name, Id by) {
  Room r;
  r.name = name;
  r.created_by = by;
  r.created_at = kT0;
  return r;
}

TEST_CASE("rooms_total caps the rooms of the instance") {
  test::RoomsDb db;
  db.caps.rooms_total = 2;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  db.room(ada, "a");
  db.room(ben, "b");
  Room c = named("c", ben);
  CHECK(db.rooms.create_room(c, db.caps) == Status::kLimitReached);
  CHECK(c.id == 0);
  CHECK(db.scalar("SELECT COUNT(*) FROM rooms") == 2);
  CHECK(db.scalar("SELECT COUNT(*) FROM streams") == 2);
  db.caps.rooms_total = 3;
  CHECK(db.rooms.create_room(c, db.caps) == Status::kOk);
}

TEST_CASE("rooms_created_per_user counts the rooms a user created, left ones too") {
  test::RoomsDb db;
  db.caps.rooms_created_per_user = 2;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id first = db.room(ada, "first");
  db.room(ada, "second");
  // Ada hands the first room to Ben and leaves it: she still created it.
  REQUIRE(db.join(first, ben) == Status::kOk);
  REQUIRE(db.rooms.transfer(first, {ada}, ben).status == Status::kOk);
  REQUIRE(db.rooms.leave_room(first, ada) == Status::kOk);
  CHECK(db.queries.member_room_ids(ada).size() == 1);

  Room third = named("third", ada);
  CHECK(db.rooms.create_room(third, db.caps) == Status::kLimitReached);
  CHECK(db.scalar("SELECT COUNT(*) FROM rooms") == 2);
  Room bens = named("ben's", ben);  // another creator is not limited by Ada's rooms
  CHECK(db.rooms.create_room(bens, db.caps) == Status::kOk);
}

TEST_CASE("rooms_per_user caps one user's memberships") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id a = db.room(ada, "a");
  Id b = db.room(ada, "b");
  Id c = db.room(ada, "c");
  REQUIRE(db.join(c, ben) == Status::kOk);
  db.caps.rooms_per_user = 1;  // Ben is in c already

  SECTION("joining") {
    auto joined = db.rooms.join_room(a, ben, db.caps, kT0);
    CHECK(joined.status == Status::kLimitReached);
    CHECK_FALSE(db.queries.membership(a, ben));
    CHECK(db.rooms.join_room(c, ben, db.caps, kT0).status == Status::kOk);  // already in it
  }
  SECTION("being added") {
    CHECK(db.add(b, {ada}, ben) == Status::kLimitReached);
    CHECK_FALSE(db.queries.membership(b, ben));
  }
  SECTION("creating: the owner's membership counts, and nothing is left") {
    Room d = named("d", ben);
    CHECK(db.rooms.create_room(d, db.caps) == Status::kLimitReached);
    CHECK(db.scalar("SELECT COUNT(*) FROM rooms") == 3);
    CHECK(db.scalar("SELECT COUNT(*) FROM streams") == 3);
    CHECK(db.queries.member_room_ids(ben) == std::vector<Id>{c});
  }
  SECTION("room for one more after leaving") {
    REQUIRE(db.rooms.leave_room(c, ben) == Status::kOk);
    CHECK(db.join(a, ben) == Status::kOk);
  }
  CHECK(db.queries.member_room_ids(ben).size() == 1);
}

}  // namespace
}  // namespace praxis::storage::rooms
