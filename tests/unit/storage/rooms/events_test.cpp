// Posting and editing: seqs, stored bodies, idempotent retries, replies, mentions.
#include "storage/rooms/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

using test::kT0;

struct Room3 : test::RoomsDb {
  Id ada = user("ada");
  Id ben = user("ben");
  Id cem = user("cem");  // not a member
  Id room_id = room(ada, "r");
  Room3() {
    join(room_id, ben);
    txn->discard_appends();
  }
  std::int64_t messages() { return scalar("SELECT COUNT(*) FROM room_messages"); }
};

TEST_CASE("posts get contiguous seqs and store their body") {
  Room3 db;
  for (Seq want = 1; want <= 5; ++want) {
    auto r = db.post(db.room_id, want % 2 ? db.ada : db.ben, "m" + std::to_string(want));
    REQUIRE(r.status == Status::kOk);
    CHECK(r.seq == want);
  }
  CHECK(db.last_seq(db.room_id) == 5);
  CHECK(db.field(db.room_id, 2, "$.kind") == "message");
  CHECK(db.field(db.room_id, 2, "$.room") == std::to_string(db.room_id));
  CHECK(db.field(db.room_id, 2, "$.by") == std::to_string(db.ben));
  CHECK(db.field(db.room_id, 2, "$.author_name") == "ben");
  CHECK(db.field(db.room_id, 2, "$.text") == "m2");
  CHECK(db.field(db.room_id, 2, "$.lang") == "en");
  CHECK(db.field(db.room_id, 2, "$.at") == std::to_string(kT0));
  auto appends = db.txn->take_appends();
  REQUIRE(appends.size() == 5);
  CHECK(appends[4].seq == 5);
  CHECK(appends[4].stream == db.room_id);
  CHECK(appends[4].body == db.log(db.room_id)[4].body);

  CHECK(db.post(db.room_id, db.cem, "intruder").status == Status::kForbidden);
  CHECK(db.post(999, db.ada, "nowhere").status == Status::kForbidden);
  CHECK(db.last_seq(db.room_id) == 5);
  CHECK(db.txn->take_appends().empty());
}

TEST_CASE("a retried post with the same cmid is a duplicate and appends nothing") {
  Room3 db;
  auto first = db.post(db.room_id, db.ada, "hello", {db.ben}, std::nullopt, "c-1");
  REQUIRE(first.status == Status::kOk);
  CHECK(db.field(db.room_id, first.seq, "$.cmid") == "c-1");
  db.post(db.room_id, db.ben, "in between");
  db.txn->discard_appends();

  auto again = db.post(db.room_id, db.ada, "hello", {db.ben}, std::nullopt, "c-1");
  CHECK(again.status == Status::kDuplicate);
  CHECK(again.seq == first.seq);
  CHECK(db.txn->take_appends().empty());
  CHECK(db.last_seq(db.room_id) == 2);
  CHECK(db.messages() == 2);

  CHECK(db.post(db.room_id, db.ben, "hello", {}, std::nullopt, "c-1").status ==
        Status::kOk);  // another author may use the same cmid
  CHECK(db.post(db.room_id, db.ada, "x").status == Status::kOk);  // no cmid: never a duplicate
  CHECK(db.post(db.room_id, db.ada, "x").status == Status::kOk);
  CHECK(db.last_seq(db.room_id) == 5);
}

TEST_CASE("reply_to must be a message of the room") {
  Room3 db;
  db.post(db.room_id, db.ada, "question");                                           // 1
  REQUIRE(db.rooms.react(db.room_id, db.ben, 1, "👍", true, db.caps, kT0).seq == 2);  // no message
  CHECK(db.post(db.room_id, db.ben, "answer", {}, Seq{1}).status == Status::kOk);    // 3
  CHECK(db.post(db.room_id, db.ben, "to a reaction", {}, Seq{2}).status == Status::kNotFound);
  CHECK(db.post(db.room_id, db.ben, "to nothing", {}, Seq{99}).status == Status::kNotFound);
  CHECK(db.last_seq(db.room_id) == 3);
  CHECK(db.field(db.room_id, 3, "$.reply_to") == "1");
  CHECK_FALSE(db.field(db.room_id, 1, "$.reply_to"));  // null
  CHECK(db.queries.messages_after(db.room_id, 2, 10).items.at(0).reply_to == Seq{1});
}

TEST_CASE("mentions keep only members, once each") {
  Room3 db;
  auto r = db.post(db.room_id, db.ada, "hi", {db.cem, db.ben, 999, db.ben, db.ada});
  REQUIRE(r.status == Status::kOk);
  const std::string want = "[" + std::to_string(db.ben) + "," + std::to_string(db.ada) + "]";
  CHECK(db.field(db.room_id, r.seq, "$.mentions") == want);
  CHECK(db.queries.messages_after(db.room_id, 0, 10).items.at(0).mentions ==
        std::vector<Id>{db.ben, db.ada});
  CHECK(db.scalar("SELECT COUNT(*) FROM room_mentions") == 2);
}

TEST_CASE("only the author edits a live message") {
  Room3 db;
  db.post(db.room_id, db.ada, "draft");
  db.txn->discard_appends();
  CHECK(db.rooms.edit_message(db.room_id, db.ben, 1, "x", kT0).status == Status::kForbidden);
  CHECK(db.rooms.edit_message(db.room_id, db.cem, 1, "x", kT0).status == Status::kForbidden);
  CHECK(db.rooms.edit_message(db.room_id, db.ada, 9, "x", kT0).status == Status::kNotFound);
  CHECK(db.txn->take_appends().empty());
  auto e = db.rooms.edit_message(db.room_id, db.ada, 1, "final", kT0 + 5);
  REQUIRE(e.status == Status::kOk);
  CHECK(e.seq == 2);
  CHECK(db.field(db.room_id, 2, "$.kind") == "edit");
  CHECK(db.field(db.room_id, 2, "$.target") == "1");
  CHECK(db.field(db.room_id, 2, "$.text") == "final");
  CHECK(db.field(db.room_id, 1, "$.text") == "draft");  // the log keeps what was said
  CHECK(db.rooms.edit_message(db.room_id, db.ada, 2, "an edit", kT0).status == Status::kNotFound);

  auto m = db.queries.messages_after(db.room_id, 0, 10).items.at(0);
  CHECK(m.text == "final");
  CHECK(m.edited_at == Millis{kT0 + 5});
  CHECK(db.scalar("SELECT COUNT(*) FROM room_edits WHERE target = 1 AND seq = 2") == 1);
}

}  // namespace
}  // namespace praxis::storage::rooms
