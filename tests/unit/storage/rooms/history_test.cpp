// History pages (messages in their current state) and unread counts.
#include "storage/rooms/queries.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "rooms_fixture.hpp"

namespace praxis::storage::rooms {
namespace {

using test::kT0;

std::vector<Seq> seqs(const std::vector<Message>& page) {
  std::vector<Seq> out;
  for (const auto& m : page) out.push_back(m.seq);
  return out;
}

// Ten messages 1..10 with a reaction after each even one (seqs get shifted):
// message seqs 1 2 4 5 7 8 10 11 13 14, reactions at 3 6 9 12 15.
struct Chat : test::RoomsDb {
  Id ada = user("ada");
  Id ben = user("ben");
  Id room_id = room(ada, "r");
  std::vector<Seq> messages;
  Chat() {
    join(room_id, ben);
    for (int i = 1; i <= 10; ++i) {
      messages.push_back(post(room_id, ada, "m" + std::to_string(i)).seq);
      if (i % 2 == 0) rooms.react(room_id, ben, messages.back(), "👍", true, caps, kT0);
    }
  }
};

TEST_CASE("history pages") {
  Chat db;
  auto& q = db.queries;

  SECTION("newest first page, then before") {
    auto page = q.messages_before(db.room_id, 0, 4);
    CHECK(seqs(page.items) == std::vector<Seq>{10, 11, 13, 14});
    CHECK(page.has_more);
    page = q.messages_before(db.room_id, 10, 4);
    CHECK(seqs(page.items) == std::vector<Seq>{4, 5, 7, 8});
    CHECK(page.has_more);
    page = q.messages_before(db.room_id, 4, 4);
    CHECK(seqs(page.items) == std::vector<Seq>{1, 2});
    CHECK_FALSE(page.has_more);
  }
  SECTION("after") {
    auto page = q.messages_after(db.room_id, 0, 3);
    CHECK(seqs(page.items) == std::vector<Seq>{1, 2, 4});
    CHECK(page.has_more);
    page = q.messages_after(db.room_id, 10, 3);
    CHECK(seqs(page.items) == std::vector<Seq>{11, 13, 14});
    CHECK_FALSE(page.has_more);
    page = q.messages_after(db.room_id, 14, 3);
    CHECK(page.items.empty());
    CHECK_FALSE(page.has_more);
  }
  SECTION("exactly limit left is not more") {
    CHECK_FALSE(q.messages_before(db.room_id, 5, 3).has_more);
    CHECK_FALSE(q.messages_after(db.room_id, 8, 4).has_more);
  }
  SECTION("walking every page either way meets every message once") {
    const int limit = GENERATE(1, 3, 4, 10, 11);
    std::vector<Seq> back;  // newest page first
    Seq before = 0;
    for (bool more = true; more;) {
      auto page = q.messages_before(db.room_id, before, limit);
      REQUIRE_FALSE(page.items.empty());
      auto got = seqs(page.items);
      back.insert(back.begin(), got.begin(), got.end());
      before = page.items.front().seq;
      more = page.has_more;
    }
    CHECK(back == db.messages);
    std::vector<Seq> forth;
    Seq after = 0;
    for (bool more = true; more;) {
      auto page = q.messages_after(db.room_id, after, limit);
      REQUIRE_FALSE(page.items.empty());
      for (Seq s : seqs(page.items)) forth.push_back(s);
      after = page.items.back().seq;
      more = page.has_more;
    }
    CHECK(forth == db.messages);
  }
  SECTION("reactions land on their messages in every page") {
    auto page = q.messages_before(db.room_id, 0, 3);
    REQUIRE(page.items.size() == 3);
    CHECK(page.items[0].reactions.size() == 1);  // 11, the 8th message
    CHECK(page.items[1].reactions.empty());      // 13
    CHECK(page.items[2].reactions.size() == 1);  // 14
  }
}

std::vector<std::string> texts(const std::vector<Message>& page) {
  std::vector<std::string> out;
  for (const auto& m : page) out.push_back(m.text);
  return out;
}

// Texts as posted come from the log (schema step 6), also where many other
// events lie between the messages.
TEST_CASE("history reads texts as posted from the log, however far apart") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id room_id = db.room(ada, "r");
  db.join(room_id, ben);
  const int toggles = GENERATE(0, 1, 40);  // reaction events after each message
  for (int i = 1; i <= 5; ++i) {
    const Seq seq = db.post(room_id, ada, "m" + std::to_string(i) + " \"quoted\" ü").seq;
    for (int t = 0; t < toggles; ++t)
      db.rooms.react(room_id, ben, seq, "👍", t % 2 == 0, db.caps, kT0);
  }
  CAPTURE(toggles);
  const std::vector<std::string> want = {"m1 \"quoted\" ü", "m2 \"quoted\" ü", "m3 \"quoted\" ü",
                                         "m4 \"quoted\" ü", "m5 \"quoted\" ü"};
  CHECK(texts(db.queries.messages_after(room_id, 0, 10).items) == want);
  CHECK(texts(db.queries.messages_before(room_id, 0, 10).items) == want);
  auto tail = db.queries.messages_before(room_id, 0, 2).items;
  CHECK(texts(tail) == std::vector<std::string>(want.end() - 2, want.end()));
}

TEST_CASE("history folds edits, deletions and reactions") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id cem = db.user("cem");
  Id room_id = db.room(ada, "r");
  db.join(room_id, ben);
  db.join(room_id, cem);
  auto& w = db.rooms;
  db.post(room_id, ada, "first", {ben});                      // 1
  db.post(room_id, ben, "second", {}, Seq{1});                // 2
  w.edit_message(room_id, ada, 1, "first, edited", kT0 + 7);  // 3
  w.react(room_id, cem, 1, "🎉", true, db.caps, kT0);          // 4
  w.react(room_id, ben, 1, "👍", true, db.caps, kT0);          // 5
  w.react(room_id, ada, 1, "🎉", true, db.caps, kT0);          // 6
  w.react(room_id, ada, 2, "👍", true, db.caps, kT0);          // 7
  w.react(room_id, ada, 2, "👍", false, db.caps, kT0);         // 8
  w.delete_message(room_id, {ben}, 2, kT0);                   // 9
  CHECK(db.last_seq(room_id) == 9);

  auto page = db.queries.messages_after(room_id, 0, 50);
  CHECK_FALSE(page.has_more);
  REQUIRE(page.items.size() == 2);
  const Message& first = page.items[0];
  CHECK(first.seq == 1);
  CHECK(first.by == ada);
  CHECK(first.at == kT0);
  CHECK(first.text == "first, edited");
  CHECK(first.edited_at == Millis{kT0 + 7});
  CHECK(first.author_name == "ada");
  CHECK(first.lang == "en");
  CHECK(first.mentions == std::vector<Id>{ben});
  CHECK_FALSE(first.deleted);
  using Reactions = std::vector<std::pair<std::string, std::vector<Id>>>;
  CHECK(first.reactions == Reactions{{"🎉", {ada, cem}}, {"👍", {ben}}});
  const Message& second = page.items[1];
  CHECK(second.deleted);
  CHECK(second.text.empty());
  CHECK(second.reply_to == Seq{1});
  CHECK_FALSE(second.edited_at);
  CHECK(second.reactions.empty());
}

TEST_CASE("unread and mention counts") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id room_id = db.room(ada, "r");
  db.join(room_id, ben);
  db.post(room_id, ada, "1", {ben});                         // 1
  db.post(room_id, ada, "2");                                // 2
  db.post(room_id, ben, "3", {ben});                         // 3: own message, not counted
  db.post(room_id, ada, "4", {ben});                         // 4
  db.rooms.react(room_id, ada, 1, "👍", true, db.caps, kT0);  // 5: not a message

  auto u = db.queries.unread(room_id, ben);
  CHECK(u.read_seq == 0);
  CHECK(u.unread == 3);
  CHECK(u.mentions == 2);

  db.rooms.delete_message(room_id, {ada}, 4, kT0);
  u = db.queries.unread(room_id, ben);
  CHECK(u.unread == 2);
  CHECK(u.mentions == 1);

  Seq read = 0;
  db.rooms.mark_read(room_id, ben, 1, &read);
  u = db.queries.unread(room_id, ben);
  CHECK(u.read_seq == 1);
  CHECK(u.unread == 1);
  CHECK(u.mentions == 0);

  u = db.queries.unread(room_id, 999);  // not a member
  CHECK(u.read_seq == 0);
  CHECK(u.unread == 0);
  CHECK(u.mentions == 0);
}

TEST_CASE("unread and mention counts stop at kUnreadCap") {
  test::RoomsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id room_id = db.room(ada, "r");
  db.join(room_id, ben);
  auto check = [&](std::int64_t expected) {
    const auto u = db.queries.unread(room_id, ben);
    CHECK(u.unread == expected);
    CHECK(u.mentions == expected);
    const auto rooms = db.queries.rooms_for(ben, std::nullopt, 10);
    REQUIRE(rooms.items.size() == 1);
    CHECK(rooms.items[0].unread == expected);
    CHECK(rooms.items[0].mentions == expected);
  };
  for (std::int64_t i = 0; i < kUnreadCap; ++i) db.post(room_id, ada, "m", {ben});
  check(kUnreadCap);  // the head is kUnreadCap after read_seq: counted whole
  for (int i = 0; i < 5; ++i) db.post(room_id, ada, "m", {ben});
  check(kUnreadCap);  // further: the count stops
  Seq read = 0;
  db.rooms.mark_read(room_id, ben, 10, &read);
  check(kUnreadCap - 5);  // counted whole again
}

}  // namespace
}  // namespace praxis::storage::rooms
