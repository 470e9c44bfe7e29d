// A room's lifecycle: roles, removals, handing the room over.
#include "storage/rooms/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

using test::Crew;

TEST_CASE("set_role: owners and admins only, never the owner's role") {
  Crew db;
  CHECK(db.role(db.r, db.mod) == RoomRole::kModerator);
  CHECK(db.rooms.set_role(db.r, db.as_owner, db.mem, RoomRole::kModerator) == Status::kOk);
  CHECK(db.role(db.r, db.mem) == RoomRole::kModerator);
  CHECK(db.rooms.set_role(db.r, db.as_owner, db.mem, RoomRole::kModerator) == Status::kOk);
  CHECK(db.rooms.set_role(db.r, db.as_admin, db.mem, RoomRole::kMember) == Status::kOk);
  CHECK(db.role(db.r, db.mem) == RoomRole::kMember);

  CHECK(db.rooms.set_role(db.r, db.as_mod, db.mem, RoomRole::kModerator) == Status::kForbidden);
  CHECK(db.rooms.set_role(db.r, db.as_mem, db.mem2, RoomRole::kModerator) == Status::kForbidden);
  CHECK(db.rooms.set_role(db.r, db.as_out, db.mem, RoomRole::kModerator) == Status::kForbidden);
  CHECK(db.rooms.set_role(999, db.as_admin, db.mem, RoomRole::kModerator) == Status::kForbidden);
  CHECK(db.rooms.set_role(db.r, db.as_owner, db.out, RoomRole::kModerator) == Status::kNotFound);
  // The owner changes only by transfer.
  CHECK(db.rooms.set_role(db.r, db.as_owner, db.mem, RoomRole::kOwner) == Status::kConflict);
  CHECK(db.rooms.set_role(db.r, db.as_admin, db.owner, RoomRole::kMember) == Status::kConflict);
  CHECK(db.rooms.set_role(db.r, db.as_owner, db.owner, RoomRole::kModerator) == Status::kConflict);
  CHECK(db.role(db.r, db.mem) == RoomRole::kMember);
  CHECK(db.role(db.r, db.owner) == RoomRole::kOwner);
}

TEST_CASE("remove_member: moderators remove members, owners and admins moderators too") {
  Crew db;
  SECTION("a moderator removes a member, not a moderator") {
    CHECK(db.rooms.remove_member(db.r, db.as_mod, db.mem) == Status::kOk);
    CHECK_FALSE(db.role(db.r, db.mem));
    REQUIRE(db.rooms.set_role(db.r, db.as_owner, db.mem2, RoomRole::kModerator) == Status::kOk);
    CHECK(db.rooms.remove_member(db.r, db.as_mod, db.mem2) == Status::kForbidden);
    CHECK(db.role(db.r, db.mem2) == RoomRole::kModerator);
  }
  SECTION("members and outsiders remove nobody") {
    CHECK(db.rooms.remove_member(db.r, db.as_mem, db.mem2) == Status::kForbidden);
    CHECK(db.rooms.remove_member(db.r, db.as_out, db.mem2) == Status::kForbidden);
    CHECK(db.role(db.r, db.mem2) == RoomRole::kMember);
  }
  SECTION("the owner removes a moderator") {
    CHECK(db.rooms.remove_member(db.r, db.as_owner, db.mod) == Status::kOk);
    CHECK_FALSE(db.role(db.r, db.mod));
  }
  SECTION("an admin who is no member removes a moderator") {
    CHECK(db.rooms.remove_member(db.r, db.as_admin, db.mod) == Status::kOk);
    CHECK_FALSE(db.role(db.r, db.mod));
  }
  SECTION("nobody removes the owner") {
    CHECK(db.rooms.remove_member(db.r, db.as_owner, db.owner) == Status::kConflict);
    CHECK(db.rooms.remove_member(db.r, db.as_admin, db.owner) == Status::kConflict);
    CHECK(db.rooms.remove_member(db.r, db.as_mod, db.owner) == Status::kConflict);
    CHECK(db.rooms.remove_member(db.r, db.as_mem, db.owner) == Status::kForbidden);
    CHECK(db.role(db.r, db.owner) == RoomRole::kOwner);
  }
  SECTION("only members can be removed, only from rooms that exist") {
    CHECK(db.rooms.remove_member(db.r, db.as_owner, db.out) == Status::kNotFound);
    CHECK(db.rooms.remove_member(999, db.as_admin, db.mem) == Status::kForbidden);
  }
}

TEST_CASE("transfer: the old owner becomes a moderator") {
  Crew db;
  SECTION("by the owner") {
    const auto r = db.rooms.transfer(db.r, db.as_owner, db.mem);
    REQUIRE(r.status == Status::kOk);
    CHECK(r.previous_owner == db.owner);
    CHECK(db.role(db.r, db.mem) == RoomRole::kOwner);
    CHECK(db.role(db.r, db.owner) == RoomRole::kModerator);
    // Now the old owner may leave and the new one may not.
    CHECK(db.rooms.leave_room(db.r, db.owner) == Status::kOk);
    CHECK(db.rooms.leave_room(db.r, db.mem) == Status::kConflict);
  }
  SECTION("by an admin who is no member") {
    // The old owner is not the actor here: the result names them.
    const auto r = db.rooms.transfer(db.r, db.as_admin, db.mod);
    REQUIRE(r.status == Status::kOk);
    CHECK(r.previous_owner == db.owner);
    CHECK(db.role(db.r, db.mod) == RoomRole::kOwner);
    CHECK(db.role(db.r, db.owner) == RoomRole::kModerator);
  }
  SECTION("refused") {
    CHECK(db.rooms.transfer(db.r, db.as_mod, db.mem).status == Status::kForbidden);
    CHECK(db.rooms.transfer(db.r, db.as_mem, db.mem).status == Status::kForbidden);
    CHECK(db.rooms.transfer(db.r, db.as_out, db.mem).status == Status::kForbidden);
    CHECK(db.rooms.transfer(db.r, db.as_owner, db.out).status == Status::kNotFound);
    CHECK(db.rooms.transfer(999, db.as_admin, db.mem).status == Status::kForbidden);
    CHECK(db.role(db.r, db.owner) == RoomRole::kOwner);
    CHECK(db.role(db.r, db.mem) == RoomRole::kMember);
  }
  SECTION("to the owner changes nothing") {
    const auto r = db.rooms.transfer(db.r, db.as_owner, db.owner);
    CHECK(r.status == Status::kOk);
    CHECK(r.previous_owner == db.owner);
    CHECK(db.role(db.r, db.owner) == RoomRole::kOwner);
  }
  std::int64_t owners = db.scalar("SELECT COUNT(*) FROM room_members WHERE role = 'owner'");
  CHECK(owners == 1);
}

}  // namespace
}  // namespace praxis::storage::rooms
