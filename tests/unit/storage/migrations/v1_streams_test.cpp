// Released schema v1 to stream logs (storage/migrations/0002_streams.cpp):
// every room keeps its numbering, every event its seq, kind, actor and time;
// the v1 event rows become stored bodies and the rooms feature's projections.
#include "storage/migrations/ledger.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "../rooms/rooms_fixture.hpp"
#include "../storage_fixture.hpp"
#include "dumps.hpp"
#include "storage/core/connection.hpp"
#include "storage/core/migrate.hpp"
#include "storage/core/reader.hpp"
#include "storage/core/txn.hpp"
#include "storage/rooms/queries.hpp"
#include "storage/rooms/writes.hpp"

namespace praxis::storage {
namespace {

using test::rows;
using test::Rows;

// One dump loaded twice: `v1` stays as released, `v2` is migrated.
struct Migrated : test::TempDir {
  std::string v1, v2;
  explicit Migrated(const std::string& dump)
      : v1(test::load_dump(*this, "v1.db", dump)), v2(test::load_dump(*this, "v2.db", dump)) {
    REQUIRE(schema_version(v2) == 1);
    migrate(v2, schema());
  }
  // The same rows read from the v1 file with `before` and from the v2 file with `after`.
  void same(const std::string& before, const std::string& after) {
    auto want = rows(v1, before);
    CHECK(rows(v2, after) == want);
  }
};

TEST_CASE("v1 rooms and events migrate to stream logs") {
  const std::string dump = GENERATE("schema_v1.sql", "schema_v1_rooms.sql");
  INFO(dump);
  Migrated db(dump);

  SECTION("a sound database with the current schema") {
    CHECK(schema_version(db.v2) == kSchemaVersion);
    CHECK(integrity_ok(db.v2));
    CHECK(rows(db.v2, "PRAGMA foreign_key_check").empty());
    auto fresh = db.file("fresh.db");
    migrate(fresh, schema());
    CHECK(test::schema_of(db.v2) == test::schema_of(fresh));
  }
  SECTION("each room is the stream of its id, with its last seq") {
    db.same("SELECT id, 'room', last_seq, created_at FROM rooms ORDER BY id",
            "SELECT id, kind, last_seq, created_at FROM streams ORDER BY id");
    db.same("SELECT id, name, topic, visibility, created_by, created_at FROM rooms ORDER BY id",
            "SELECT id, name, topic, visibility, created_by, created_at FROM rooms ORDER BY id");
    db.same("SELECT * FROM room_members ORDER BY room_id, user_id",
            "SELECT * FROM room_members ORDER BY room_id, user_id");
  }
  SECTION("the log holds exactly the v1 events") {
    db.same("SELECT room_id, seq, kind, user_id, at, cmid FROM events ORDER BY room_id, seq",
            "SELECT stream_id, seq, kind, actor_id, at, cmid FROM stream_events "
            "ORDER BY stream_id, seq");
  }
  SECTION("every body names its room, kind, actor and time") {
    db.same("SELECT room_id, seq, room_id, kind, user_id, at FROM events ORDER BY room_id, seq",
            "SELECT stream_id, seq, body ->> '$.room', body ->> '$.kind', body ->> '$.by', "
            "body ->> '$.at' FROM stream_events ORDER BY stream_id, seq");
  }
  SECTION("message bodies carry the message as it was last (v1 kept the current text)") {
    db.same(
        "SELECT e.room_id, e.seq, e.text, u.display_name, e.lang, e.reply_to, json(e.mentions), "
        "e.cmid FROM events AS e JOIN users AS u ON u.id = e.user_id WHERE e.kind = 'message' "
        "ORDER BY e.room_id, e.seq",
        "SELECT stream_id, seq, body ->> '$.text', body ->> '$.author_name', body ->> '$.lang', "
        "body ->> '$.reply_to', body -> '$.mentions', body ->> '$.cmid' FROM stream_events "
        "WHERE kind = 'message' ORDER BY stream_id, seq");
  }
  SECTION("edit, reaction and delete bodies carry their own fields") {
    db.same("SELECT room_id, seq, target, text FROM events WHERE kind = 'edit' ORDER BY 1, 2",
            "SELECT stream_id, seq, body ->> '$.target', body ->> '$.text' FROM stream_events "
            "WHERE kind = 'edit' ORDER BY 1, 2");
    db.same(
        "SELECT room_id, seq, target, emoji, reaction_on <> 0 FROM events "
        "WHERE kind = 'reaction' ORDER BY 1, 2",
        "SELECT stream_id, seq, body ->> '$.target', body ->> '$.emoji', body ->> '$.on' "
        "FROM stream_events WHERE kind = 'reaction' ORDER BY 1, 2");
    db.same("SELECT room_id, seq, target FROM events WHERE kind = 'delete' ORDER BY 1, 2",
            "SELECT stream_id, seq, body ->> '$.target' FROM stream_events "
            "WHERE kind = 'delete' ORDER BY 1, 2");
  }
  SECTION("messages, edits, mentions and reactions become the room projections") {
    db.same(
        "SELECT room_id, seq, user_id, at, text, lang, reply_to, mentions, edited_at, "
        "deleted_at FROM events WHERE kind = 'message' ORDER BY room_id, seq",
        // Step 7: what a post fixed is the log's.
        "SELECT m.room_id, m.seq, m.author_id, e.at, "
        "COALESCE(m.changed_text, e.body ->> '$.text'), e.body ->> '$.lang', "
        "e.body ->> '$.reply_to', e.body -> '$.mentions', "
        "m.edited_at, m.deleted_at FROM room_messages AS m JOIN stream_events AS e "
        "ON e.stream_id = m.room_id AND e.seq = m.seq ORDER BY m.room_id, m.seq");
    // Step 6: the text is the log's unless it was changed after the body was
    // written (v1 bodies carry the current text); deletions keep none.
    CHECK(rows(db.v2,
               "SELECT seq FROM room_messages WHERE deleted_at IS NOT NULL "
               "AND changed_text IS NOT ''")
              .empty());
    CHECK(rows(db.v2,
               "SELECT seq FROM room_messages WHERE deleted_at IS NULL "
               "AND changed_text IS NOT NULL")
              .empty());
    db.same("SELECT room_id, target, seq FROM events WHERE kind = 'edit' ORDER BY 1, 2, 3",
            "SELECT room_id, target, seq FROM room_edits ORDER BY 1, 2, 3");
    db.same("SELECT room_id, user_id, seq FROM mentions ORDER BY 1, 2, 3",
            "SELECT room_id, user_id, seq FROM room_mentions ORDER BY 1, 2, 3");
    db.same("SELECT id, room_id, seq, emoji, user_id, at FROM reactions ORDER BY id",
            "SELECT id, room_id, seq, emoji, user_id, at FROM room_reactions ORDER BY id");
  }
  SECTION("accounts stay as they were") {
    // Their v1 columns: step 3 adds the lifecycle's (v2_accounts_test.cpp).
    const std::pair<const char*, const char*> tables[] = {
        {"users",
         "id, email, display_name, institution, country, languages, time_zone, role, "
         "password_hash, created_at"},
        {"sessions", "token_hash, user_id, created_at, expires_at, revoked_at"},
        {"invitations", "id, token_hash, email, role, created_by, created_at, expires_at, used_at"},
        {"setup_tokens", "token_hash"}};
    for (const auto& [table, columns] : tables) {
      const std::string all = std::string("SELECT ") + columns + " FROM " + table + " ORDER BY 1";
      db.same(all, all);
    }
  }
}

TEST_CASE("after migrating, each room's numbering goes on") {
  const std::string dump = GENERATE("schema_v1.sql", "schema_v1_rooms.sql");
  INFO(dump);
  Migrated db(dump);
  auto conn = detail::open_connection(db.v2, detail::Access::kWrite);
  Txn txn(*conn);
  rooms::Writes w(txn, rooms::test::kBodies);

  // Any member of each room posts; an old cmid is still a retry.
  auto heads = rows(db.v1,
                    "SELECT r.id, r.last_seq, MIN(m.user_id) FROM rooms AS r "
                    "JOIN room_members AS m ON m.room_id = r.id GROUP BY r.id ORDER BY r.id");
  REQUIRE_FALSE(heads.empty());
  for (const auto& h : heads) {
    rooms::NewMessage m;
    m.room_id = std::stoll(h[0]);
    m.author = std::stoll(h[2]);
    m.text = "after the migration";
    m.at = test::kT0 + 1'000'000;
    auto r = w.post_message(m);
    CHECK(r.status == Status::kOk);
    CHECK(r.seq == std::stoll(h[1]) + 1);
  }
  for (const auto& old : rows(db.v1,
                              "SELECT room_id, user_id, cmid, seq FROM events "
                              "WHERE kind = 'message' AND cmid <> ''")) {
    rooms::NewMessage m;
    m.room_id = std::stoll(old[0]);
    m.author = std::stoll(old[1]);
    m.cmid = old[2];
    m.text = "retried";
    auto r = w.post_message(m);
    CHECK(r.status == Status::kDuplicate);
    CHECK(r.seq == std::stoll(old[3]));
  }
  // A new room takes the next id for both its row and its stream.
  rooms::Room room;
  room.name = "new";
  room.created_by = std::stoll(heads[0][2]);
  REQUIRE(w.create_room(room, rooms::Caps{}) == Status::kOk);
  CHECK(room.id == std::stoll(rows(db.v1, "SELECT MAX(id) FROM rooms")[0][0]) + 1);
  CHECK(integrity_ok(db.v2));
}

TEST_CASE("the migrated v1 rooms read back through the rooms feature") {
  Migrated db("schema_v1_rooms.sql");
  Reader reader(db.v2);
  rooms::Queries q(reader);
  auto body = [&](Id room, Seq seq, const char* field) {
    auto e = reader.events_after(room, seq - 1, 1);
    REQUIRE(e.size() == 1);
    return test::json_field(e[0].body, field);
  };

  CHECK(body(1, 1, "$.text") == "Hello, world — edited twice");  // the current text
  CHECK(body(1, 2, "$.text") == R"(Reply with "quotes" and \ a backslash)");
  CHECK(body(1, 3, "$.text") == "Hello, world");  // each edit its own
  CHECK(body(1, 7, "$.text") == "Hello, world — edited twice");
  CHECK(body(1, 6, "$.emoji") == "🎉");
  CHECK(body(1, 6, "$.on") == "0");
  CHECK(body(1, 8, "$.text") == "");  // deleted: erased in v1 already
  CHECK(body(1, 8, "$.author_name") == "Cem Yılmaz");
  CHECK(body(1, 8, "$.mentions") == "[1,2]");
  CHECK(body(1, 9, "$.text") == "");
  CHECK(body(1, 11, "$.kind") == "delete");
  CHECK(body(1, 11, "$.target") == "8");
  CHECK_FALSE(body(1, 1, "$.reply_to"));
  CHECK(body(2, 2, "$.reply_to") == "1");
  CHECK(reader.stream(3)->last_seq == 0);

  auto page = q.messages_before(1, 0, 10);
  CHECK_FALSE(page.has_more);
  REQUIRE(page.items.size() == 3);
  CHECK(page.items[0].text == "Hello, world — edited twice");
  CHECK(page.items[0].edited_at);
  CHECK(page.items[0].mentions == std::vector<Id>{2});
  using Reactions = std::vector<std::pair<std::string, std::vector<Id>>>;
  CHECK(page.items[0].reactions == Reactions{{"👍", {2}}});
  CHECK(page.items[1].reply_to == Seq{1});
  CHECK(page.items[1].reactions == Reactions{{"❤️", {1}}});
  CHECK(page.items[2].deleted);
  CHECK(page.items[2].text.empty());
  CHECK(page.items[2].author_name == "Cem Yılmaz");

  // Unread counts go on from the v1 read markers: Ben read up to 4 and is
  // mentioned in 8, which is deleted; Ada has read room 2 up to 2.
  auto ben = q.unread(1, 2);
  CHECK(ben.read_seq == 4);
  CHECK(ben.unread == 0);
  CHECK(ben.mentions == 0);
  auto cem = q.unread(1, 3);
  CHECK(cem.unread == 2);  // messages 1 and 2; his own 8 is deleted anyway
  CHECK(cem.mentions == 0);
  auto views = q.rooms_for(1, std::nullopt, 10);
  REQUIRE(views.items.size() == 3);
  CHECK(views.items[0].room.name == "Apprenticeships");
  CHECK(views.items[0].room.last_seq == 12);
  CHECK(views.items[1].room.name == "Board");
  CHECK(views.items[1].unread == 0);  // read to 2; message 1 by Ben is before it
}

}  // namespace
}  // namespace praxis::storage
