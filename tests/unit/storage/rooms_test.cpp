#include <catch2/catch.hpp>

#include "storage/write_txn.hpp"
#include "storage_fixture.hpp"

namespace praxis::storage {
namespace {

using test::kMaxRooms;
using test::kT0;

TEST_CASE("creating a room makes the creator its owner") {
  test::Db db;
  Id ada = db.user("ada");
  Room r;
  r.name = "Work-based learning";
  r.topic = "Apprenticeships";
  r.visibility = Visibility::kPrivate;
  r.created_by = ada;
  r.created_at = kT0;
  REQUIRE(db.txn->create_room(r, kMaxRooms) == Status::kOk);
  CHECK(r.id > 0);

  auto got = db.reader->room(r.id);
  REQUIRE(got);
  CHECK(got->kind == "room");
  CHECK(got->name == "Work-based learning");
  CHECK(got->topic == "Apprenticeships");
  CHECK(got->visibility == Visibility::kPrivate);
  CHECK(got->created_by == ada);
  CHECK(got->created_at == kT0);
  CHECK(got->last_seq == 0);
  auto m = db.reader->membership(r.id, ada);
  REQUIRE(m);
  CHECK(m->role == RoomRole::kOwner);
  CHECK(db.reader->room_count_for(ada) == 1);
  CHECK_FALSE(db.reader->room(999));

  Room other;
  other.name = "x";
  other.created_by = 999;
  CHECK(db.txn->create_room(other, kMaxRooms) == Status::kNotFound);
}

TEST_CASE("joining and leaving") {
  test::Db db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id open = db.room(ada, "open");
  Id closed = db.room(ada, "closed", Visibility::kPrivate);
  db.post(open, ada, "before ben joined");

  CHECK(db.join(open, ben) == Status::kOk);
  CHECK(db.join(open, ben) == Status::kOk);                // already a member
  CHECK(db.reader->membership(open, ben)->read_seq == 1);  // history counts as read
  CHECK(db.join(closed, ben) == Status::kForbidden);
  CHECK(db.join(999, ben) == Status::kNotFound);
  CHECK(db.reader->member_ids(open) == std::vector<Id>{ada, ben});
  CHECK(db.reader->member_room_ids(ben) == std::vector<Id>{open});

  CHECK(db.txn->leave_room(open, ben) == Status::kOk);
  CHECK(db.txn->leave_room(open, ben) == Status::kNotFound);
  CHECK_FALSE(db.reader->membership(open, ben));
}

TEST_CASE("adding members") {
  test::Db db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id cem = db.user("cem");
  Id closed = db.room(ada, "closed", Visibility::kPrivate);

  CHECK(db.txn->add_member(closed, ben, cem, kMaxRooms, kT0) == Status::kForbidden);  // not in it
  REQUIRE(db.txn->add_member(closed, ada, ben, kMaxRooms, kT0) == Status::kOk);
  CHECK(db.txn->add_member(closed, ada, ben, kMaxRooms, kT0) == Status::kOk);
  CHECK(db.txn->add_member(closed, ben, cem, kMaxRooms, kT0) == Status::kForbidden);  // member
  CHECK(db.txn->add_member(closed, ada, 999, kMaxRooms, kT0) == Status::kNotFound);
  CHECK(db.txn->add_member(999, ada, cem, kMaxRooms, kT0) == Status::kNotFound);

  auto members = db.reader->members(closed);
  REQUIRE(members.size() == 2);
  CHECK(members[0].user_id == ada);
  CHECK(members[0].display_name == "ada");
  CHECK(members[0].role == RoomRole::kOwner);
  CHECK(members[1].user_id == ben);
  CHECK(members[1].role == RoomRole::kMember);
}

TEST_CASE("max_rooms") {
  test::Db db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id a = db.room(ada, "a");
  Id b = db.room(ada, "b");
  Room c;
  c.name = "c";
  c.created_by = ben;
  REQUIRE(db.txn->create_room(c, 1) == Status::kOk);

  CHECK(db.txn->join_room(a, ben, 1, kT0) == Status::kTooManyRooms);
  CHECK(db.txn->add_member(b, ada, ben, 1, kT0) == Status::kTooManyRooms);
  CHECK(db.txn->create_room(c, 1) == Status::kTooManyRooms);
  CHECK(db.reader->room_count_for(ben) == 1);
  CHECK(db.txn->join_room(a, ben, 2, kT0) == Status::kOk);
}

TEST_CASE("room lists and read markers") {
  test::Db db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id zoo = db.room(ada, "Zoo");
  Id hidden = db.room(ada, "Hidden", Visibility::kPrivate);
  Id apple = db.room(ben, "Apple");
  REQUIRE(db.join(zoo, ben) == Status::kOk);
  db.post(zoo, ada, "one");
  db.post(zoo, ada, "two", {ben});
  db.post(zoo, ben, "mine");
  (void)hidden;

  auto views = db.reader->rooms_for(ben);
  REQUIRE(views.size() == 2);
  CHECK(views[0].room.id == apple);
  CHECK(views[1].room.id == zoo);
  REQUIRE(views[1].membership);
  CHECK(views[1].membership->role == RoomRole::kMember);
  CHECK(views[1].unread == 2);
  CHECK(views[1].mentions == 1);
  CHECK(db.reader->rooms_for(ada).size() == 3);

  auto apple_for_ada = db.reader->room_view(apple, ada);
  REQUIRE(apple_for_ada);
  CHECK_FALSE(apple_for_ada->membership);
  CHECK_FALSE(db.reader->room_view(999, ada));

  Seq read = 0;
  CHECK(db.txn->mark_read(zoo, ben, 1, &read) == Status::kOk);
  CHECK(read == 1);
  CHECK(db.txn->mark_read(zoo, ben, 0, &read) == Status::kOk);  // never back
  CHECK(read == 1);
  CHECK(db.txn->mark_read(zoo, ben, 99, &read) == Status::kOk);  // never past last_seq
  CHECK(read == 3);
  CHECK(db.reader->membership(zoo, ben)->read_seq == 3);
  CHECK(db.txn->mark_read(hidden, ben, 1, &read) == Status::kForbidden);
}

}  // namespace
}  // namespace praxis::storage
