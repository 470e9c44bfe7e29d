#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "storage/database.hpp"
#include "storage/reader.hpp"
#include "storage_fixture.hpp"

namespace praxis::storage {
namespace {

using test::TempDir;

// Every schema object's SQL, to compare a migrated database with a fresh one.
std::set<std::string> schema_of(const std::string& path) {
  SQLite::Database db(path);
  SQLite::Statement s(db, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name");
  std::set<std::string> out;
  while (s.executeStep()) {
    out.insert(s.getColumn(0).getString() + " " + s.getColumn(1).getString() + " " +
               s.getColumn(2).getString());
  }
  return out;
}

void set_meta(const std::string& path, int version, int last_compatible) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec("UPDATE meta SET value = " + std::to_string(version) + " WHERE key = 'version'");
  db.exec("UPDATE meta SET value = " + std::to_string(last_compatible) +
          " WHERE key = 'last_compatible_version'");
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("migrate creates the current schema in a new file") {
  TempDir tmp;
  auto path = tmp.file("new.db");
  CHECK(schema_version(path) == 0);
  migrate(path);
  CHECK(schema_version(path) == kSchemaVersion);
  CHECK(integrity_ok(path));
  Reader r(path);
  CHECK(r.healthy());
  CHECK(r.needs_setup());
}

TEST_CASE("migrate is idempotent") {
  TempDir tmp;
  auto path = tmp.file("again.db");
  migrate(path);
  auto before = schema_of(path);
  migrate(path);
  migrate(path);
  CHECK(schema_version(path) == kSchemaVersion);
  CHECK(schema_of(path) == before);
}

TEST_CASE("a database from a newer binary") {
  TempDir tmp;
  auto path = tmp.file("newer.db");
  migrate(path);

  SECTION("is refused when this binary is too old for it") {
    set_meta(path, kSchemaVersion + 2, kSchemaVersion + 1);
    CHECK_THROWS_AS(migrate(path), Error);
    CHECK(schema_version(path) == kSchemaVersion + 2);
  }
  SECTION("is used as is while still compatible") {
    set_meta(path, kSchemaVersion + 1, kSchemaVersion);
    CHECK_NOTHROW(migrate(path));
    CHECK(schema_version(path) == kSchemaVersion + 1);
  }
}

TEST_CASE("a file that is not a database is an Error") {
  TempDir tmp;
  auto path = tmp.file("garbage.db");
  std::ofstream(path) << std::string(4096, 'x');
  CHECK_THROWS_AS(migrate(path), Error);
  CHECK_THROWS_AS(Reader(tmp.file("missing.db")), Error);
}

// Chromium style: each released schema, loaded from its dump, migrates to the
// current one and keeps its data.
TEST_CASE("released schema v1 migrates to current") {
  TempDir tmp;
  auto path = tmp.file("v1.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(
        read_text(std::filesystem::path(PRAXIS_SOURCE_DIR) / "tests/unit/storage/schema_v1.sql"));
  }
  CHECK(schema_version(path) == 1);
  migrate(path);
  CHECK(schema_version(path) == kSchemaVersion);
  CHECK(integrity_ok(path));

  auto fresh = tmp.file("fresh.db");
  migrate(fresh);
  CHECK(schema_of(path) == schema_of(fresh));

  Reader r(path);
  CHECK_FALSE(r.needs_setup());
  auto ada = r.session_user("5e55", test::kT0);
  REQUIRE(ada);
  CHECK(ada->profile.languages == std::vector<std::string>{"fi", "en"});
  bool more = true;
  auto page = r.messages_before(1, 0, 10, &more);
  REQUIRE(page.size() == 2);
  CHECK_FALSE(more);
  CHECK(page[0].edited_at);
  CHECK(page[1].reply_to == Seq{1});
  REQUIRE(page[1].reactions.size() == 1);
  CHECK(page[1].reactions[0].second == std::vector<Id>{1});
}

}  // namespace
}  // namespace praxis::storage
