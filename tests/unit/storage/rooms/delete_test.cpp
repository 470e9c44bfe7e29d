// Deleting a message: who may, and what is erased (projection and log).
#include "storage/rooms/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

using test::kT0;

// ada owns the room, mod moderates, ben and dan are members; root is an admin
// and cem an outsider, neither in the room. Message 1 by ben, edited twice
// (2, 3) and reacted to (4); message 5 by dan.
struct Thread : test::RoomsDb {
  Id ada = user("ada");
  Id mod = user("mod");
  Id ben = user("ben");
  Id dan = user("dan");
  Id root = user("root", true);
  Id cem = user("cem");
  Id room_id = room(ada, "r");
  Thread() {
    for (Id u : {mod, ben, dan}) REQUIRE(join(room_id, u) == Status::kOk);
    REQUIRE(rooms.set_role(room_id, {ada}, mod, RoomRole::kModerator) == Status::kOk);
    REQUIRE(post(room_id, ben, "secret", {dan}, std::nullopt, "c-1").seq == 1);
    REQUIRE(rooms.edit_message(room_id, ben, 1, "still secret", kT0 + 1).seq == 2);
    REQUIRE(rooms.edit_message(room_id, ben, 1, "top secret", kT0 + 2).seq == 3);
    REQUIRE(rooms.react(room_id, dan, 1, "👀", true, caps, kT0).seq == 4);
    REQUIRE(post(room_id, dan, "by dan").seq == 5);
    txn->discard_appends();
  }
  EventResult del(Actor who, Seq target) {
    return rooms.delete_message(room_id, who, target, kT0 + 9);
  }
};

TEST_CASE("who may delete a message") {
  Thread db;
  CHECK(db.del({db.dan}, 1).status == Status::kForbidden);  // a member, not the author
  CHECK(db.del({db.cem}, 1).status == Status::kForbidden);  // an outsider
  CHECK(db.del({db.root, true}, 9).status == Status::kNotFound);
  CHECK(db.rooms.delete_message(999, {db.root, true}, 1, kT0).status == Status::kForbidden);
  CHECK(db.txn->take_appends().empty());
  CHECK(db.last_seq(db.room_id) == 5);

  // The author, a moderator, the owner, an admin who is no member.
  const Actor everyone[] = {{db.ben}, {db.mod}, {db.ada}, {db.root, true}};
  const Actor who = everyone[GENERATE(0, 1, 2, 3)];
  auto d = db.del(who, 1);
  REQUIRE(d.status == Status::kOk);
  CHECK(d.seq == 6);
  CHECK(db.field(db.room_id, 6, "$.kind") == "delete");
  CHECK(db.field(db.room_id, 6, "$.target") == "1");
  CHECK(db.field(db.room_id, 6, "$.by") == std::to_string(who.user));
  CHECK(db.del(who, 1).status == Status::kNotFound);  // deleted already
  CHECK(db.rooms.edit_message(db.room_id, db.ben, 1, "x", kT0).status == Status::kNotFound);
  CHECK(db.rooms.react(db.room_id, db.dan, 1, "👍", true, db.caps, kT0).status == Status::kNotFound);
  auto appends = db.txn->take_appends();  // the delete; redactions are not published
  REQUIRE(appends.size() == 1);
  CHECK(appends[0].seq == 6);
}

TEST_CASE("delete erases the text of the message and its edits, and its reactions") {
  Thread db;
  REQUIRE(db.del({db.mod}, 1).status == Status::kOk);

  // The log: a replay must not bring the text back.
  CHECK(db.field(db.room_id, 1, "$.text") == "");
  CHECK(db.field(db.room_id, 1, "$.kind") == "message");
  CHECK(db.field(db.room_id, 1, "$.author_name") == "ben");  // the rest of the body stays
  CHECK(db.field(db.room_id, 1, "$.cmid") == "c-1");
  CHECK(db.field(db.room_id, 1, "$.mentions") == "[" + std::to_string(db.dan) + "]");
  for (Seq edit : {2, 3}) {
    CHECK(db.field(db.room_id, edit, "$.kind") == "edit");
    CHECK(db.field(db.room_id, edit, "$.text") == "");
    CHECK(db.field(db.room_id, edit, "$.target") == "1");
    CHECK(db.field(db.room_id, edit, "$.by") == std::to_string(db.ben));
  }
  CHECK(db.field(db.room_id, 2, "$.at") == std::to_string(kT0 + 1));
  CHECK(db.field(db.room_id, 4, "$.emoji") == "👀");  // the reaction event itself stays
  CHECK(db.field(db.room_id, 5, "$.text") == "by dan");
  CHECK(db.log(db.room_id).size() == 6);

  // The projection.
  auto page = db.queries.messages_after(db.room_id, 0, 10).items;
  REQUIRE(page.size() == 2);
  CHECK(page[0].deleted);
  CHECK(page[0].text.empty());
  CHECK(page[0].reactions.empty());
  CHECK_FALSE(page[1].deleted);
  CHECK(page[1].text == "by dan");
  CHECK(db.scalar("SELECT COUNT(*) FROM room_reactions") == 0);
  CHECK(db.scalar("SELECT COUNT(*) FROM room_messages WHERE seq = 1 AND changed_text = ''") == 1);
}

// A redaction erases the text of the stored body and keeps the rest as it was
// written: a rename before the deletion does not rewrite author_name.
TEST_CASE("a redacted body keeps the author name it was written with") {
  Thread db;
  accounts::UserProfile renamed;
  renamed.display_name = "Benjamin";
  REQUIRE(db.accounts.update_profile(db.ben, renamed) == Status::kOk);
  REQUIRE(db.field(db.room_id, 1, "$.author_name") == "ben");
  REQUIRE(db.del({db.ben}, 1).status == Status::kOk);
  CHECK(db.field(db.room_id, 1, "$.author_name") == "ben");
}

}  // namespace
}  // namespace praxis::storage::rooms
