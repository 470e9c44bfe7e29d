// The migration driver with the project's ledger: new files, re-runs, files
// from newer binaries, and the released v1 schema's accounts.
#include "storage/migrations/ledger.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <fstream>

#include "../storage_fixture.hpp"
#include "dumps.hpp"
#include "storage/accounts/queries.hpp"
#include "storage/core/error.hpp"
#include "storage/core/migrate.hpp"
#include "storage/core/reader.hpp"

namespace praxis::storage {
namespace {

using test::TempDir;

TEST_CASE("the ledger numbers its steps 1 ... kSchemaVersion") {
  auto steps = schema();
  REQUIRE(steps.size() == static_cast<std::size_t>(kSchemaVersion));
  for (std::size_t i = 0; i < steps.size(); ++i) {
    CHECK(steps[i].version == static_cast<int>(i) + 1);
    CHECK(steps[i].last_compatible <= steps[i].version);
    CHECK(steps[i].apply != nullptr);
  }
  CHECK(steps[1].last_compatible == 2);  // v1 binaries cannot read stream logs
  // v2 binaries would let deactivated users and revoked invitations in.
  CHECK(steps[2].last_compatible == 3);
}

TEST_CASE("migrate creates the current schema in a new file") {
  TempDir tmp;
  auto path = tmp.file("new.db");
  CHECK(schema_version(path) == 0);
  migrate(path, schema());
  CHECK(schema_version(path) == kSchemaVersion);
  CHECK(integrity_ok(path));
  Reader r(path);
  CHECK(r.healthy());
  CHECK(accounts::Queries(r).needs_setup());
  auto tables =
      test::rows(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  CHECK(tables == test::Rows{{"invitations"},
                             {"meta"},
                             {"password_resets"},
                             {"room_edits"},
                             {"room_members"},
                             {"room_mentions"},
                             {"room_messages"},
                             {"room_reactions"},
                             {"rooms"},
                             {"sessions"},
                             {"setup_tokens"},
                             {"stream_events"},
                             {"streams"},
                             {"users"}});
}

TEST_CASE("migrate is idempotent and goes on from where a file is") {
  TempDir tmp;
  auto path = tmp.file("again.db");
  migrate(path, schema().first(1));
  CHECK(schema_version(path) == 1);
  migrate(path, schema());
  auto before = test::schema_of(path);
  migrate(path, schema());
  migrate(path, schema());
  CHECK(schema_version(path) == kSchemaVersion);
  CHECK(test::schema_of(path) == before);
  auto fresh = tmp.file("fresh.db");
  migrate(fresh, schema());
  CHECK(test::schema_of(fresh) == before);
}

TEST_CASE("a database from a newer binary") {
  TempDir tmp;
  auto path = tmp.file("newer.db");
  migrate(path, schema());

  SECTION("is refused when this binary is too old for it") {
    test::set_meta(path, kSchemaVersion + 2, kSchemaVersion + 1);
    CHECK_THROWS_AS(migrate(path, schema()), Error);
    CHECK(schema_version(path) == kSchemaVersion + 2);
  }
  SECTION("is used as is while still compatible") {
    test::set_meta(path, kSchemaVersion + 1, kSchemaVersion);
    CHECK_NOTHROW(migrate(path, schema()));
    CHECK(schema_version(path) == kSchemaVersion + 1);
  }
  SECTION("a v1 binary may not open a v2 file") {
    CHECK_THROWS_AS(migrate(path, schema().first(1)), Error);
  }
}

TEST_CASE("a file that is not a database is an Error") {
  TempDir tmp;
  auto path = tmp.file("garbage.db");
  std::ofstream(path) << std::string(4096, 'x');
  CHECK_THROWS_AS(migrate(path, schema()), Error);
  CHECK_THROWS_AS(Reader(tmp.file("missing.db")), Error);
  CHECK(schema_version(tmp.file("missing.db")) == 0);
}

// Chromium style: each released schema, loaded from its dump, migrates to the
// current one and keeps its data (rooms: v1_streams_test.cpp).
TEST_CASE("released schema v1 migrates to current with its accounts") {
  TempDir tmp;
  auto path = test::load_dump(tmp, "v1.db", "schema_v1.sql");
  CHECK(schema_version(path) == 1);
  migrate(path, schema());
  CHECK(schema_version(path) == kSchemaVersion);
  CHECK(integrity_ok(path));

  auto fresh = tmp.file("fresh.db");
  migrate(fresh, schema());
  CHECK(test::schema_of(path) == test::schema_of(fresh));

  Reader r(path);
  accounts::Queries q(r);
  CHECK_FALSE(q.needs_setup());
  auto ada = q.session_user("5e55", test::kT0);
  REQUIRE(ada);
  CHECK(ada->user.id == 1);
  CHECK(ada->user.profile.languages == std::vector<std::string>{"fi", "en"});
  CHECK(ada->expires_at == 0);
  auto invitations = q.invitations();
  REQUIRE(invitations.size() == 1);
  CHECK(invitations[0].used);
  CHECK(invitations[0].created_by == 1);
  CHECK(q.users().size() == 2);
}

}  // namespace
}  // namespace praxis::storage
