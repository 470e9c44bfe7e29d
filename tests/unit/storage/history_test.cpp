#include <catch2/catch.hpp>

#include "storage/reader.hpp"
#include "storage_fixture.hpp"

namespace praxis::storage {
namespace {

using test::kT0;

std::vector<Seq> seqs(const std::vector<Message>& page) {
  std::vector<Seq> out;
  for (const auto& m : page) out.push_back(m.seq);
  return out;
}

// Ten messages 1..10 with a reaction after each even one (seqs get shifted):
// message seqs 1 2 4 5 7 8 10 11 13 14, reactions at 3 6 9 12 15.
struct Chat : test::Db {
  Id ada = user("ada");
  Id ben = user("ben");
  Id room_id = room(ada, "r");
  std::vector<Seq> messages;
  Chat() {
    join(room_id, ben);
    for (int i = 1; i <= 10; ++i) {
      messages.push_back(post(room_id, ada, "m" + std::to_string(i)).event.seq);
      if (i % 2 == 0) txn->react(room_id, ben, messages.back(), "👍", true, kT0);
    }
  }
};

TEST_CASE("history pages") {
  Chat db;
  bool more = false;

  SECTION("newest first page, then before") {
    auto page = db.reader->messages_before(db.room_id, 0, 4, &more);
    CHECK(seqs(page) == std::vector<Seq>{10, 11, 13, 14});
    CHECK(more);
    page = db.reader->messages_before(db.room_id, 10, 4, &more);
    CHECK(seqs(page) == std::vector<Seq>{4, 5, 7, 8});
    CHECK(more);
    page = db.reader->messages_before(db.room_id, 4, 4, &more);
    CHECK(seqs(page) == std::vector<Seq>{1, 2});
    CHECK_FALSE(more);
  }
  SECTION("after") {
    auto page = db.reader->messages_after(db.room_id, 0, 3, &more);
    CHECK(seqs(page) == std::vector<Seq>{1, 2, 4});
    CHECK(more);
    page = db.reader->messages_after(db.room_id, 10, 3, &more);
    CHECK(seqs(page) == std::vector<Seq>{11, 13, 14});
    CHECK_FALSE(more);
    CHECK(db.reader->messages_after(db.room_id, 14, 3, &more).empty());
    CHECK_FALSE(more);
  }
  SECTION("exactly limit left is not more") {
    db.reader->messages_before(db.room_id, 5, 3, &more);
    CHECK_FALSE(more);
  }
}

TEST_CASE("history folds edits, deletions and reactions") {
  test::Db db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id cem = db.user("cem");
  Id room_id = db.room(ada, "r");
  db.join(room_id, ben);
  db.join(room_id, cem);
  db.post(room_id, ada, "first", {ben});                            // 1
  db.post(room_id, ben, "second", {}, Seq{1});                      // 2
  db.txn->edit_message(room_id, ada, 1, "first, edited", kT0 + 7);  // 3
  db.txn->react(room_id, cem, 1, "🎉", true, kT0);                   // 4
  db.txn->react(room_id, ben, 1, "👍", true, kT0);                   // 5
  db.txn->react(room_id, ada, 1, "🎉", true, kT0);                   // 6
  db.txn->react(room_id, ada, 2, "👍", true, kT0);                   // 7
  db.txn->react(room_id, ada, 2, "👍", false, kT0);                  // 8
  db.txn->delete_message(room_id, ben, 2, kT0);                     // 9

  bool more = true;
  auto page = db.reader->messages_after(room_id, 0, 50, &more);
  CHECK_FALSE(more);
  REQUIRE(page.size() == 2);
  const Message& first = page[0];
  CHECK(first.text == "first, edited");
  CHECK(first.edited_at == Millis{kT0 + 7});
  CHECK(first.author_name == "ada");
  CHECK(first.lang == "en");
  CHECK(first.mentions == std::vector<Id>{ben});
  CHECK_FALSE(first.deleted);
  using Reactions = std::vector<std::pair<std::string, std::vector<Id>>>;
  CHECK(first.reactions == Reactions{{"🎉", {ada, cem}}, {"👍", {ben}}});
  const Message& second = page[1];
  CHECK(second.deleted);
  CHECK(second.text.empty());
  CHECK(second.reply_to == Seq{1});
  CHECK_FALSE(second.edited_at);
  CHECK(second.reactions.empty());
}

TEST_CASE("unread and mention counts") {
  test::Db db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id room_id = db.room(ada, "r");
  db.join(room_id, ben);
  db.post(room_id, ada, "1", {ben});               // 1
  db.post(room_id, ada, "2");                      // 2
  db.post(room_id, ben, "3", {ben});               // 3: own message, not counted
  db.post(room_id, ada, "4", {ben});               // 4
  db.txn->react(room_id, ada, 1, "👍", true, kT0);  // 5: not a message

  std::int64_t unread = -1, mentions = -1;
  db.reader->unread(room_id, ben, &unread, &mentions);
  CHECK(unread == 3);
  CHECK(mentions == 2);

  db.txn->delete_message(room_id, ada, 4, kT0);
  db.reader->unread(room_id, ben, &unread, &mentions);
  CHECK(unread == 2);
  CHECK(mentions == 1);

  Seq read = 0;
  db.txn->mark_read(room_id, ben, 1, &read);
  db.reader->unread(room_id, ben, &unread, &mentions);
  CHECK(unread == 1);
  CHECK(mentions == 0);

  db.reader->unread(room_id, 999, &unread, &mentions);  // not a member
  CHECK(unread == 0);
  CHECK(mentions == 0);
}

}  // namespace
}  // namespace praxis::storage
