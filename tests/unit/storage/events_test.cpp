#include <catch2/catch.hpp>

#include "storage/reader.hpp"
#include "storage/write_txn.hpp"
#include "storage_fixture.hpp"

namespace praxis::storage {
namespace {

using test::kT0;

struct Room3 : test::Db {
  Id ada = user("ada");
  Id ben = user("ben");
  Id cem = user("cem");  // not a member
  Id room_id = room(ada, "r");
  Room3() { join(room_id, ben); }
};

TEST_CASE("posts get contiguous seqs") {
  Room3 db;
  for (Seq want = 1; want <= 5; ++want) {
    auto r = db.post(db.room_id, want % 2 ? db.ada : db.ben, "m" + std::to_string(want));
    REQUIRE(r.status == Status::kOk);
    CHECK(r.event.seq == want);
    CHECK(r.event.kind == EventKind::kMessage);
  }
  CHECK(db.reader->room(db.room_id)->last_seq == 5);
  CHECK(db.post(db.room_id, db.cem, "intruder").status == Status::kForbidden);
  CHECK(db.post(999, db.ada, "nowhere").status == Status::kForbidden);
  CHECK(db.reader->room(db.room_id)->last_seq == 5);
}

TEST_CASE("a retried post with the same cmid is a duplicate") {
  Room3 db;
  NewMessage m{db.room_id, db.ada, "hello", "en", std::nullopt, {db.ben}, "c-1", kT0};
  auto first = db.txn->post_message(m);
  REQUIRE(first.status == Status::kOk);
  CHECK(first.event.cmid == "c-1");
  CHECK(first.event.author_name == "ada");

  auto again = db.txn->post_message(m);
  CHECK(again.status == Status::kDuplicate);
  CHECK(again.event.seq == first.event.seq);
  CHECK(again.event.text == "hello");
  CHECK(again.event.mentions == std::vector<Id>{db.ben});
  CHECK(again.event.author_name == "ada");

  m.author = db.ben;  // another author may use the same cmid
  CHECK(db.txn->post_message(m).status == Status::kOk);
  m.cmid = "";  // no cmid: never a duplicate
  CHECK(db.txn->post_message(m).status == Status::kOk);
  CHECK(db.txn->post_message(m).status == Status::kOk);
  CHECK(db.reader->room(db.room_id)->last_seq == 4);
}

TEST_CASE("reply_to must be a message of the room") {
  Room3 db;
  auto first = db.post(db.room_id, db.ada, "question");
  db.txn->react(db.room_id, db.ben, 1, "👍", true, kT0);  // seq 2, not a message
  CHECK(db.post(db.room_id, db.ben, "answer", {}, Seq{1}).status == Status::kOk);
  CHECK(db.post(db.room_id, db.ben, "to a reaction", {}, Seq{2}).status == Status::kNotFound);
  CHECK(db.post(db.room_id, db.ben, "to nothing", {}, Seq{99}).status == Status::kNotFound);
  CHECK(db.reader->room(db.room_id)->last_seq == 3);
  CHECK(db.reader->events_after(db.room_id, 2, 10)[0].reply_to == Seq{1});
}

TEST_CASE("mentions keep only members, once each") {
  Room3 db;
  auto r = db.post(db.room_id, db.ada, "hi", {db.cem, db.ben, 999, db.ben, db.ada});
  REQUIRE(r.status == Status::kOk);
  CHECK(r.event.mentions == std::vector<Id>{db.ben, db.ada});
  CHECK(db.reader->events_after(db.room_id, 0, 10)[0].mentions == std::vector<Id>{db.ben, db.ada});
}

TEST_CASE("only the author edits") {
  Room3 db;
  db.post(db.room_id, db.ada, "draft");
  CHECK(db.txn->edit_message(db.room_id, db.ben, 1, "x", kT0).status == Status::kForbidden);
  CHECK(db.txn->edit_message(db.room_id, db.cem, 1, "x", kT0).status == Status::kForbidden);
  CHECK(db.txn->edit_message(db.room_id, db.ada, 9, "x", kT0).status == Status::kNotFound);
  auto e = db.txn->edit_message(db.room_id, db.ada, 1, "final", kT0 + 5);
  REQUIRE(e.status == Status::kOk);
  CHECK(e.event.seq == 2);
  CHECK(e.event.kind == EventKind::kEdit);
  CHECK(e.event.target == 1);
  CHECK(e.event.text == "final");
  CHECK(db.txn->edit_message(db.room_id, db.ada, 2, "an edit", kT0).status == Status::kNotFound);
}

TEST_CASE("delete erases the message and its edits") {
  Room3 db;
  db.post(db.room_id, db.ada, "secret");
  db.txn->edit_message(db.room_id, db.ada, 1, "still secret", kT0);
  db.post(db.room_id, db.ben, "by ben");

  SECTION("others may not, moderators and the author may") {
    CHECK(db.txn->delete_message(db.room_id, db.ben, 1, kT0).status == Status::kForbidden);
    CHECK(db.txn->delete_message(db.room_id, db.cem, 1, kT0).status == Status::kForbidden);
    CHECK(db.txn->delete_message(db.room_id, db.ada, 3, kT0).status == Status::kOk);  // owner
    auto d = db.txn->delete_message(db.room_id, db.ada, 1, kT0 + 1);
    REQUIRE(d.status == Status::kOk);
    CHECK(d.event.kind == EventKind::kDelete);
    CHECK(d.event.target == 1);
    CHECK(db.txn->delete_message(db.room_id, db.ada, 1, kT0).status == Status::kNotFound);
    CHECK(db.txn->edit_message(db.room_id, db.ada, 1, "x", kT0).status == Status::kNotFound);
  }
  SECTION("text is gone from replay and history") {
    REQUIRE(db.txn->delete_message(db.room_id, db.ada, 1, kT0 + 1).status == Status::kOk);
    auto events = db.reader->events_after(db.room_id, 0, 10);
    REQUIRE(events.size() == 4);
    CHECK(events[0].text.empty());
    CHECK(events[1].text.empty());
    CHECK(events[2].text == "by ben");
    CHECK(events[3].kind == EventKind::kDelete);
    bool more = false;
    auto page = db.reader->messages_before(db.room_id, 0, 10, &more);
    REQUIRE(page.size() == 2);
    CHECK(page[0].deleted);
    CHECK(page[0].text.empty());
    CHECK_FALSE(page[1].deleted);
  }
}

TEST_CASE("reactions") {
  Room3 db;
  db.post(db.room_id, db.ada, "react to me");
  auto on = db.txn->react(db.room_id, db.ben, 1, "👍", true, kT0);
  REQUIRE(on.status == Status::kOk);
  CHECK(on.event.kind == EventKind::kReaction);
  CHECK(on.event.emoji == "👍");
  CHECK(on.event.on);
  CHECK(db.txn->react(db.room_id, db.ben, 1, "👍", true, kT0).status == Status::kUnchanged);
  CHECK(db.txn->react(db.room_id, db.ben, 1, "🎉", false, kT0).status == Status::kUnchanged);
  CHECK(db.txn->react(db.room_id, db.cem, 1, "👍", true, kT0).status == Status::kForbidden);
  CHECK(db.txn->react(db.room_id, db.ben, 2, "👍", true, kT0).status == Status::kNotFound);
  CHECK(db.reader->room(db.room_id)->last_seq == 2);

  auto off = db.txn->react(db.room_id, db.ben, 1, "👍", false, kT0);
  REQUIRE(off.status == Status::kOk);
  CHECK_FALSE(off.event.on);
  CHECK(db.reader->events_after(db.room_id, 2, 10).at(0).on == false);
}

TEST_CASE("events_after replays in order with a limit") {
  Room3 db;
  for (int i = 0; i < 5; ++i) db.post(db.room_id, db.ada, "m" + std::to_string(i));
  auto events = db.reader->events_after(db.room_id, 1, 3);
  REQUIRE(events.size() == 3);
  CHECK(events[0].seq == 2);
  CHECK(events[2].seq == 4);
  CHECK(events[0].author_name == "ada");
  CHECK(events[0].room_id == db.room_id);
  CHECK(events[0].lang == "en");
  CHECK(events[0].at == kT0);
  CHECK(db.reader->events_after(db.room_id, 5, 3).empty());
  CHECK(db.reader->events_after(db.room_id, 0, 0).empty());
}

}  // namespace
}  // namespace praxis::storage
