// A room's settings (Writes::update_room): who changes the name, the topic and
// archiving, and an archived room as read-only.
#include "storage/rooms/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

// The crew of an open room, changing its settings.
struct Settings : test::Crew {
  UpdateResult update(const Actor& a, RoomChanges ch, Millis at = test::kT0 + 5) {
    return rooms.update_room(r, a, ch, at);
  }
  Room stored() { return queries.room(r).value(); }
};

RoomChanges name(std::string n) { return {std::move(n), std::nullopt, std::nullopt}; }
RoomChanges topic(std::string t) { return {std::nullopt, std::move(t), std::nullopt}; }
RoomChanges archive(bool on) { return {std::nullopt, std::nullopt, on}; }

TEST_CASE("update_room: the topic is the moderators', name and archiving the owner's") {
  Settings db;
  auto renamed = db.update(db.as_owner, {"new name", "new topic", std::nullopt});
  CHECK(renamed.status == Status::kOk);
  CHECK(renamed.members == std::vector<Id>{db.owner, db.mod, db.mem, db.mem2});
  CHECK(db.stored().name == "new name");
  CHECK(db.stored().topic == "new topic");
  CHECK(db.update(db.as_mod, topic("the moderator's")).status == Status::kOk);
  CHECK(db.stored().topic == "the moderator's");
  CHECK(db.update(db.as_admin, name("the admin's")).status == Status::kOk);
  CHECK(db.stored().name == "the admin's");

  CHECK(db.update(db.as_mod, name("x")).status == Status::kForbidden);
  CHECK(db.update(db.as_mod, archive(true)).status == Status::kForbidden);
  CHECK(db.update(db.as_mod, {"x", "y", std::nullopt}).status == Status::kForbidden);
  CHECK(db.update(db.as_mem, topic("x")).status == Status::kForbidden);
  CHECK(db.update(db.as_out, topic("x")).status == Status::kForbidden);
  CHECK(db.rooms.update_room(999, db.as_admin, topic("x"), test::kT0).status == Status::kForbidden);
  CHECK(db.stored().name == "the admin's");
  CHECK(db.stored().topic == "the moderator's");
  // What is so already changes nothing.
  CHECK(db.update(db.as_owner, name("the admin's")).status == Status::kUnchanged);
  CHECK(db.update(db.as_owner, archive(false)).status == Status::kUnchanged);
}

TEST_CASE("update_room: an archived room is read-only until unarchived") {
  Settings db;
  const auto msg = db.post(db.r, db.mem, "before");
  REQUIRE(msg.status == Status::kOk);
  REQUIRE(db.update(db.as_owner, archive(true), test::kT0 + 7).status == Status::kOk);
  CHECK(db.stored().archived_at == test::kT0 + 7);
  CHECK(db.queries.rooms_for(db.out, std::nullopt, 10).items.at(0).room.archived_at);
  // Archiving again keeps the time it was archived.
  CHECK(db.update(db.as_admin, archive(true), test::kT0 + 9).status == Status::kUnchanged);
  CHECK(db.stored().archived_at == test::kT0 + 7);

  const Seq seq = db.last_seq(db.r);
  CHECK(db.post(db.r, db.mem, "after").status == Status::kReadOnly);
  CHECK(db.rooms.edit_message(db.r, db.mem, msg.seq, "edited", test::kT0).status ==
        Status::kReadOnly);
  CHECK(db.rooms.delete_message(db.r, db.as_owner, msg.seq, test::kT0).status == Status::kReadOnly);
  CHECK(db.rooms.react(db.r, db.mem, msg.seq, "👍", true, db.caps, test::kT0).status ==
        Status::kReadOnly);
  CHECK(db.join(db.r, db.out) == Status::kReadOnly);
  CHECK(db.add(db.r, db.as_owner, db.out) == Status::kReadOnly);
  CHECK(db.last_seq(db.r) == seq);
  // Reading, read markers, leaving and the topic still work; outsiders still see nothing more.
  Seq read = 0;
  CHECK(db.rooms.mark_read(db.r, db.mem, seq, &read) == Status::kOk);
  CHECK(read == seq);
  CHECK(db.queries.messages_after(db.r, 0, 10).items.size() == 1);
  CHECK(db.update(db.as_mod, topic("closed")).status == Status::kOk);
  CHECK(db.rooms.leave_room(db.r, db.mem) == Status::kOk);
  CHECK(db.post(db.r, db.out, "not a member").status == Status::kForbidden);

  REQUIRE(db.update(db.as_owner, archive(false)).status == Status::kOk);
  CHECK_FALSE(db.stored().archived_at);
  CHECK(db.post(db.r, db.mod, "again").status == Status::kOk);
  CHECK(db.join(db.r, db.out) == Status::kOk);
}

TEST_CASE("update_room: a private archived room stays hidden from outsiders") {
  Settings db;
  const Id secret = db.room(db.owner, "secret", Visibility::kPrivate);
  REQUIRE(db.rooms.update_room(secret, db.as_owner, archive(true), test::kT0).status ==
          Status::kOk);
  CHECK(db.join(secret, db.out) == Status::kForbidden);
  CHECK(db.add(secret, db.as_mem, db.out) == Status::kForbidden);
  CHECK(db.join(secret, db.owner) == Status::kReadOnly);
}

}  // namespace
}  // namespace praxis::storage::rooms
