// Reactions: on and off, unchanged, and the distinct-emoji cap.
#include "storage/rooms/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

using test::kT0;

struct Chat : test::RoomsDb {
  Id ada = user("ada");
  Id ben = user("ben");
  Id cem = user("cem");  // not a member
  Id room_id = room(ada, "r");
  Chat() {
    join(room_id, ben);
    post(room_id, ada, "react to me");  // 1
  }
  Status react(Id who, const std::string& emoji, bool on, Seq target = 1) {
    return rooms.react(room_id, who, target, emoji, on, caps, kT0).status;
  }
};

TEST_CASE("reactions") {
  Chat db;
  auto on = db.rooms.react(db.room_id, db.ben, 1, "👍", true, db.caps, kT0);
  REQUIRE(on.status == Status::kOk);
  CHECK(on.seq == 2);
  CHECK(db.field(db.room_id, 2, "$.kind") == "reaction");
  CHECK(db.field(db.room_id, 2, "$.target") == "1");
  CHECK(db.field(db.room_id, 2, "$.emoji") == "👍");
  CHECK(db.field(db.room_id, 2, "$.on") == "1");
  CHECK(db.react(db.ben, "👍", true) == Status::kUnchanged);
  CHECK(db.react(db.ben, "🎉", false) == Status::kUnchanged);
  CHECK(db.react(db.cem, "👍", true) == Status::kForbidden);
  CHECK(db.react(db.ben, "👍", true, 2) == Status::kNotFound);  // a reaction, not a message
  CHECK(db.last_seq(db.room_id) == 2);

  auto off = db.rooms.react(db.room_id, db.ben, 1, "👍", false, db.caps, kT0);
  REQUIRE(off.status == Status::kOk);
  CHECK(db.field(db.room_id, off.seq, "$.on") == "0");
  CHECK(db.queries.messages_after(db.room_id, 0, 1).items.at(0).reactions.empty());
}

TEST_CASE("reactions_per_message caps the distinct emoji of a message") {
  Chat db;
  db.caps.reactions_per_message = 2;
  REQUIRE(db.react(db.ben, "👍", true) == Status::kOk);
  REQUIRE(db.react(db.ben, "🎉", true) == Status::kOk);
  const Seq at_cap = db.last_seq(db.room_id);
  CHECK(db.react(db.ben, "🚀", true) == Status::kLimitReached);
  CHECK(db.react(db.ada, "🚀", true) == Status::kLimitReached);
  CHECK(db.last_seq(db.room_id) == at_cap);
  // An emoji already on the message is no new one.
  CHECK(db.react(db.ada, "👍", true) == Status::kOk);
  // Taking one off is always allowed, and makes room.
  CHECK(db.react(db.ben, "🎉", false) == Status::kOk);
  CHECK(db.react(db.ada, "🚀", true) == Status::kOk);

  using Reactions = std::vector<std::pair<std::string, std::vector<Id>>>;
  CHECK(db.queries.messages_after(db.room_id, 0, 1).items.at(0).reactions ==
        Reactions{{"👍", {db.ada, db.ben}}, {"🚀", {db.ada}}});
}

}  // namespace
}  // namespace praxis::storage::rooms
