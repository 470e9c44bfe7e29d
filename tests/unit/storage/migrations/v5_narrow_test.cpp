// Schema steps 6 and 7 (storage/migrations/0006_narrow_messages.cpp,
// 0007_lean_messages.cpp): a v5 message projection, which copied every text,
// keeps only texts changed after their log body was written, then drops what
// a post fixed (time, language, reply, mentions); history reads the same
// messages as before from the log.
#include <catch2/catch.hpp>

#include "../rooms/rooms_fixture.hpp"
#include "../storage_fixture.hpp"
#include "dumps.hpp"
#include "storage/core/migrate.hpp"
#include "storage/core/reader.hpp"
#include "storage/rooms/queries.hpp"

namespace praxis::storage {
namespace {

using test::rows;
using test::Rows;

// One room with an unchanged, an edited and a deleted message, written as a
// v5 binary wrote them: the text in the projection and in the message's body.
constexpr char kV5Rows[] = R"sql(
INSERT INTO users(id, email, display_name, role, password_hash, created_at)
  VALUES (1, 'ana@example.org', 'Ana', 'member', 'x', 0);
INSERT INTO streams(id, kind, last_seq, created_at) VALUES (1, 'room', 4, 0);
INSERT INTO rooms(id, name, topic, visibility, created_by, created_at)
  VALUES (1, 'general', '', 'open', 1, 0);
INSERT INTO room_members(room_id, user_id, role, joined_at, read_seq) VALUES (1, 1, 'owner', 0, 0);
INSERT INTO stream_events(stream_id, seq, kind, actor_id, at, body) VALUES
  (1, 1, 'message', 1, 1,
   '{"kind":"message","lang":"de","mentions":[1],"reply_to":null,"text":"as posted \"quoted\""}'),
  (1, 2, 'message', 1, 2,
   '{"kind":"message","lang":"en","mentions":[],"reply_to":1,"text":"first draft"}'),
  (1, 3, 'edit', 1, 3, '{"kind":"edit","target":2,"text":"second draft"}'),
  (1, 4, 'message', 1, 4, '{"kind":"message","lang":"en","mentions":[],"reply_to":null,"text":""}');
INSERT INTO room_messages(room_id, seq, author_id, at, text, lang, edited_at, deleted_at) VALUES
  (1, 1, 1, 1, 'as posted "quoted"', 'de', NULL, NULL),
  (1, 2, 1, 2, 'second draft', 'en', 3, NULL),
  (1, 4, 1, 4, '', 'en', NULL, 5);
INSERT INTO room_edits(room_id, target, seq) VALUES (1, 2, 3);
)sql";

TEST_CASE("v5 messages leave to the log what their post fixed") {
  test::TempDir tmp;
  const auto path = tmp.file("v5.db");
  migrate(path, schema().first(5));
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(kV5Rows);
  }
  migrate(path, schema());
  REQUIRE(schema_version(path) == kSchemaVersion);
  CHECK(integrity_ok(path));
  CHECK(rows(path, "PRAGMA foreign_key_check").empty());
  CHECK(rows(path, "SELECT seq, changed_text FROM room_messages ORDER BY seq") ==
        Rows{{"1", "NULL"}, {"2", "second draft"}, {"4", ""}});
  CHECK(rows(path, "SELECT name FROM sqlite_master WHERE name = 'room_messages_unread'").empty());
  CHECK(rows(path, "SELECT name FROM pragma_table_info('room_messages') ORDER BY cid") ==
        Rows{{"room_id"}, {"seq"}, {"author_id"}, {"edited_at"}, {"deleted_at"}, {"changed_text"}});

  Reader r(path);
  auto page = rooms::Queries(r).messages_after(1, 0, 10).items;
  REQUIRE(page.size() == 3);
  CHECK(page[0].text == "as posted \"quoted\"");
  // Step 7: time, language, reply and mentions come from the log.
  CHECK(page[0].at == 1);
  CHECK(page[0].lang == "de");
  CHECK(page[0].mentions == std::vector<Id>{1});
  CHECK_FALSE(page[0].reply_to.has_value());
  CHECK(page[1].reply_to == 1);
  CHECK(page[1].at == 2);
  CHECK(page[1].text == "second draft");
  CHECK(page[1].edited_at == 3);
  CHECK(page[2].text.empty());
  CHECK(page[2].deleted);
}

}  // namespace
}  // namespace praxis::storage
