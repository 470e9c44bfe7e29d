// Joining, leaving and adding members.
#include "storage/rooms/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

using test::kT0;

std::vector<Id> member_ids(test::RoomsDb& db, Id room_id) {
  std::vector<Id> out;
  for (const auto& m : db.queries.members(room_id, std::nullopt, 100).items)
    out.push_back(m.user_id);
  return out;
}

TEST_CASE("joining and leaving") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id open = db.room(ada, "open");
  Id closed = db.room(ada, "closed", Visibility::kPrivate);
  db.post(open, ada, "before ben joined");

  auto joined = db.rooms.join_room(open, ben, db.caps, kT0);
  CHECK(joined.status == Status::kOk);
  CHECK(joined.last_seq == 1);                             // where ben's live stream starts
  CHECK(db.join(open, ben) == Status::kOk);                // already a member
  CHECK(db.queries.membership(open, ben)->read_seq == 1);  // history counts as read
  CHECK(db.queries.membership(open, ben)->role == RoomRole::kMember);
  // A private room and a missing one look the same: no probing ids.
  CHECK(db.join(closed, ben) == Status::kForbidden);
  CHECK(db.join(999, ben) == Status::kForbidden);
  CHECK(member_ids(db, open) == std::vector<Id>{ada, ben});
  CHECK(db.queries.member_room_ids(ben) == std::vector<Id>{open});
  CHECK(db.txn->take_appends().size() == 1);  // the post; memberships are no events

  CHECK(db.rooms.leave_room(open, ben) == Status::kOk);
  CHECK(db.rooms.leave_room(open, ben) == Status::kForbidden);  // not a member
  CHECK_FALSE(db.queries.membership(open, ben));
  CHECK(db.rooms.leave_room(999, ben) == Status::kForbidden);
}

TEST_CASE("the owner cannot leave") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id r = db.room(ada, "r");
  CHECK(db.rooms.leave_room(r, ada) == Status::kConflict);
  CHECK(db.role(r, ada) == RoomRole::kOwner);
}

TEST_CASE("adding members") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id cem = db.user("cem");
  Id dan = db.user("dan");
  Id root = db.user("root", true);
  Id closed = db.room(ada, "closed", Visibility::kPrivate);
  db.post(closed, ada, "early");

  CHECK(db.add(closed, {ben}, cem) == Status::kForbidden);  // not in it
  auto added = db.rooms.add_member(closed, {ada}, ben, db.caps, kT0);
  REQUIRE(added.status == Status::kOk);
  CHECK(added.last_seq == 1);
  CHECK(db.queries.membership(closed, ben)->read_seq == 1);
  CHECK(db.add(closed, {ada}, ben) == Status::kOk);         // already a member
  CHECK(db.add(closed, {ben}, cem) == Status::kForbidden);  // members may not
  CHECK(db.add(closed, {ada}, 999) == Status::kNotFound);
  CHECK(db.add(999, {ada}, cem) == Status::kForbidden);
  CHECK(db.add(999, {root, true}, cem) == Status::kForbidden);

  SECTION("moderators may") {
    REQUIRE(db.rooms.set_role(closed, {ada}, ben, RoomRole::kModerator) == Status::kOk);
    CHECK(db.add(closed, {ben}, cem) == Status::kOk);
  }
  SECTION("admins may, members or not") {
    CHECK(db.add(closed, {root, true}, cem) == Status::kOk);
    CHECK_FALSE(db.queries.membership(closed, root));
  }
  CHECK(db.role(closed, cem) == RoomRole::kMember);
  CHECK_FALSE(db.queries.membership(closed, dan));

  auto members = db.queries.members(closed, std::nullopt, 10).items;
  REQUIRE(members.size() == 3);
  CHECK(members[0].user_id == ada);
  CHECK(members[0].display_name == "ada");
  CHECK(members[0].role == RoomRole::kOwner);
  CHECK(members[1].user_id == ben);
  CHECK(members[2].user_id == cem);
  CHECK(members[2].role == RoomRole::kMember);
}

}  // namespace
}  // namespace praxis::storage::rooms
