// Creating rooms, room lists, room views and read markers.
#include "storage/rooms/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "../storage_fixture.hpp"
#include "rooms_fixture.hpp"
#include "storage/core/error.hpp"

namespace praxis::storage::rooms {
namespace {

using test::kT0;

TEST_CASE("creating a room makes the creator its owner") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Room r;
  r.name = "Work-based learning";
  r.topic = "Apprenticeships";
  r.visibility = Visibility::kPrivate;
  r.created_by = ada;
  r.created_at = kT0;
  REQUIRE(db.rooms.create_room(r, db.caps) == Status::kOk);
  CHECK(r.id > 0);
  CHECK(r.last_seq == 0);

  auto got = db.queries.room(r.id);
  REQUIRE(got);
  CHECK(got->id == r.id);
  CHECK(got->name == "Work-based learning");
  CHECK(got->topic == "Apprenticeships");
  CHECK(got->visibility == Visibility::kPrivate);
  CHECK(got->created_by == ada);
  CHECK(got->created_at == kT0);
  CHECK(got->last_seq == 0);
  // The room is the stream of the same id.
  auto stream = db.reader->stream(r.id);
  REQUIRE(stream);
  CHECK(stream->kind == "room");
  CHECK(stream->last_seq == 0);

  auto m = db.queries.membership(r.id, ada);
  REQUIRE(m);
  CHECK(m->role == RoomRole::kOwner);
  CHECK(m->read_seq == 0);
  CHECK(db.queries.member_room_ids(ada) == std::vector<Id>{r.id});
  CHECK_FALSE(db.queries.room(999));
  CHECK(db.txn->take_appends().empty());  // creating a room is no event
}

TEST_CASE("a room by a user who does not exist is an Error and leaves nothing") {
  test::RoomsDb db;
  Room other;
  other.name = "x";
  other.created_by = 999;
  CHECK_THROWS_AS(db.rooms.create_room(other, db.caps), Error);
  CHECK(db.scalar("SELECT COUNT(*) FROM rooms") == 0);
  CHECK(db.scalar("SELECT COUNT(*) FROM streams") == 0);
}

TEST_CASE("room lists and read markers") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id zoo = db.room(ada, "Zoo");
  Id hidden = db.room(ada, "Hidden", Visibility::kPrivate);
  Id apple = db.room(ben, "Apple");
  REQUIRE(db.join(zoo, ben) == Status::kOk);
  db.post(zoo, ada, "one");
  db.post(zoo, ada, "two", {ben});
  db.post(zoo, ben, "mine");

  auto views = db.queries.rooms_for(ben, std::nullopt, 50);
  CHECK_FALSE(views.has_more);
  REQUIRE(views.items.size() == 2);
  CHECK(views.items[0].room.id == apple);
  CHECK(views.items[0].membership->role == RoomRole::kOwner);
  CHECK(views.items[1].room.id == zoo);
  CHECK(views.items[1].room.last_seq == 3);
  REQUIRE(views.items[1].membership);
  CHECK(views.items[1].membership->role == RoomRole::kMember);
  CHECK(views.items[1].unread == 2);
  CHECK(views.items[1].mentions == 1);
  CHECK(db.queries.rooms_for(ada, std::nullopt, 50).items.size() == 3);

  auto apple_for_ada = db.queries.room_view(apple, ada);
  REQUIRE(apple_for_ada);
  CHECK_FALSE(apple_for_ada->membership);
  CHECK(apple_for_ada->unread == 0);
  auto hidden_for_ben = db.queries.room_view(hidden, ben);  // the caller decides
  REQUIRE(hidden_for_ben);
  CHECK_FALSE(hidden_for_ben->membership);
  CHECK(db.queries.room_view(zoo, ben)->unread == 2);
  CHECK_FALSE(db.queries.room_view(999, ada));

  Seq read = 0;
  CHECK(db.rooms.mark_read(zoo, ben, 1, &read) == Status::kOk);
  CHECK(read == 1);
  CHECK(db.rooms.mark_read(zoo, ben, 0, &read) == Status::kOk);  // never back
  CHECK(read == 1);
  CHECK(db.rooms.mark_read(zoo, ben, 99, &read) == Status::kOk);  // never past last_seq
  CHECK(read == 3);
  CHECK(db.queries.membership(zoo, ben)->read_seq == 3);
  CHECK(db.queries.unread(zoo, ben).unread == 0);
  CHECK(db.rooms.mark_read(hidden, ben, 1, &read) == Status::kForbidden);
  CHECK(db.rooms.mark_read(999, ben, 1, &read) == Status::kForbidden);
}

}  // namespace
}  // namespace praxis::storage::rooms
