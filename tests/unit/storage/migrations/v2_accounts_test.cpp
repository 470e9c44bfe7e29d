// Released schema v2 to the account lifecycle (storage/migrations/
// 0003_accounts_lifecycle.cpp): the sessions table is rebuilt with ids, every
// session keeps its token hash, owner and times (and stays valid or revoked);
// users and invitations gain their lifecycle columns, empty; nothing else moves.
#include "storage/migrations/ledger.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "../storage_fixture.hpp"
#include "dumps.hpp"
#include "storage/accounts/queries.hpp"
#include "storage/accounts/writes.hpp"
#include "storage/core/connection.hpp"
#include "storage/core/error.hpp"
#include "storage/core/migrate.hpp"
#include "storage/core/reader.hpp"
#include "storage/core/txn.hpp"

namespace praxis::storage {
namespace {

using test::rows;
using test::Rows;

constexpr Millis kLater = 1767225725000;  // after every time in the dump, before a0a0 expires

// One dump loaded twice: `v2` stays as released, `v3` is migrated.
struct Migrated : test::TempDir {
  std::string v2, v3;
  Migrated()
      : v2(test::load_dump(*this, "v2.db", "schema_v2.sql")),
        v3(test::load_dump(*this, "v3.db", "schema_v2.sql")) {
    REQUIRE(schema_version(v3) == 2);
    migrate(v3, schema());
  }
  void same(const std::string& before, const std::string& after) {
    auto want = rows(v2, before);
    REQUIRE_FALSE(want.empty());
    CHECK(rows(v3, after) == want);
  }
};

TEST_CASE("the v2 dump is the released v2 schema") {
  test::TempDir tmp;
  auto dump = test::load_dump(tmp, "v2.db", "schema_v2.sql");
  auto fresh = tmp.file("fresh.db");
  migrate(fresh, schema().first(2));
  CHECK(schema_version(dump) == 2);
  CHECK(test::schema_of(dump) == test::schema_of(fresh));
}

TEST_CASE("step 3: a v2 binary may not open the result") {
  REQUIRE(schema().size() >= 3);
  CHECK(schema()[1].last_compatible == 2);
  CHECK(schema()[2].last_compatible == 3);
  Migrated db;
  CHECK_THROWS_AS(migrate(db.v3, schema().first(2)), Error);
}

TEST_CASE("v2 accounts migrate to the account lifecycle") {
  Migrated db;

  SECTION("a sound database with the current schema") {
    CHECK(schema_version(db.v3) == kSchemaVersion);
    CHECK(integrity_ok(db.v3));
    CHECK(rows(db.v3, "PRAGMA foreign_key_check").empty());
    auto fresh = db.file("fresh.db");
    migrate(fresh, schema());
    CHECK(test::schema_of(db.v3) == test::schema_of(fresh));
  }
  SECTION("every session keeps its token hash, owner, times and revocation") {
    const char* cols =
        "SELECT token_hash, user_id, created_at, expires_at, revoked_at FROM sessions";
    db.same(std::string(cols) + " ORDER BY token_hash", std::string(cols) + " ORDER BY token_hash");
    // Ids in creation order; no address or user agent was recorded before.
    CHECK(rows(db.v3, "SELECT id, token_hash, address, user_agent FROM sessions ORDER BY id") ==
          Rows{{"1", "5e55", "", ""},
               {"2", "0ld5", "", ""},
               {"3", "ce44", "", ""},
               {"4", "be11", "", ""},
               {"5", "a0a0", "", ""}});
  }
  SECTION("users and invitations keep their rows, all active and unrevoked") {
    db.same("SELECT * FROM users ORDER BY id",
            "SELECT id, email, display_name, institution, country, languages, time_zone, role, "
            "password_hash, created_at FROM users ORDER BY id");
    CHECK(rows(db.v3, "SELECT COUNT(*) FROM users WHERE deactivated_at IS NOT NULL") ==
          Rows{{"0"}});
    db.same("SELECT * FROM invitations ORDER BY id",
            "SELECT id, token_hash, email, role, created_by, created_at, expires_at, used_at "
            "FROM invitations ORDER BY id");
    CHECK(rows(db.v3, "SELECT COUNT(*) FROM invitations WHERE revoked_at IS NOT NULL") ==
          Rows{{"0"}});
    CHECK(rows(db.v3, "SELECT COUNT(*) FROM password_resets") == Rows{{"0"}});
  }
  SECTION("nothing else moves") {
    const std::pair<const char*, const char*> tables[] = {
        {"setup_tokens", "1"},    {"streams", "1"},          {"stream_events", "1, 2"},
        {"room_members", "1, 2"}, {"room_edits", "1, 2, 3"}, {"room_mentions", "1, 2, 3"},
        {"room_reactions", "1"}};
    for (const auto& [table, order] : tables) {
      CAPTURE(table);
      const std::string all = std::string("SELECT * FROM ") + table + " ORDER BY " + order;
      auto want = rows(db.v2, all);
      CHECK(rows(db.v3, all) == want);
    }
    // Less what steps 6 and 7 leave to the log (v5_narrow_test.cpp).
    const std::string messages =
        "SELECT room_id, seq, author_id, edited_at, deleted_at FROM room_messages ORDER BY 1, 2";
    CHECK(rows(db.v3, messages) == rows(db.v2, messages));
    // Plus what step 8 adds: no room is archived.
    const std::string rooms =
        "SELECT id, name, topic, visibility, created_by, created_at FROM rooms ORDER BY 1";
    CHECK(rows(db.v3, rooms) == rows(db.v2, rooms));
    CHECK(rows(db.v3, "SELECT COUNT(*) FROM rooms WHERE archived_at IS NOT NULL") == Rows{{"0"}});
  }
  SECTION("the accounts work on the migrated file") {
    Reader r(db.v3);
    accounts::Queries q(r);
    CHECK_FALSE(q.needs_setup());
    auto ada = q.session_user("5e55", kLater);
    REQUIRE(ada);
    CHECK(ada->user.id == 1);
    CHECK(ada->user.active());
    CHECK(ada->expires_at == 0);
    CHECK(q.session_user("be11", kLater)->user.id == 2);
    CHECK(q.session_user("ce44", kLater)->user.id == 3);
    CHECK(q.session_user("a0a0", kLater));
    CHECK_FALSE(q.session_user("a0a0", 1767225730000));  // expired, as before
    CHECK_FALSE(q.session_user("0ld5", kLater));         // revoked, as before
    auto live = q.sessions_of(1, kLater, std::nullopt, 200);
    REQUIRE(live.items.size() == 2);
    CHECK(live.items[0].token_hash == "a0a0");
    CHECK(live.items[1].token_hash == "5e55");
    CHECK(q.usable_invitation("2b72", kLater));
    CHECK_FALSE(q.usable_invitation("1a71", kLater));  // used
    CHECK(q.invitations_page(std::nullopt, 200).items.size() == 3);
    CHECK(q.users_page(std::nullopt, 200, false).items.size() == 3);

    auto conn = detail::open_connection(db.v3, detail::Access::kWrite);
    Txn txn(*conn);
    accounts::Writes w(txn);
    REQUIRE(w.create_session("new", 2, kLater, 0, "192.0.2.7", "UA") == Status::kOk);
    CHECK(rows(db.v3, "SELECT id FROM sessions WHERE token_hash = 'new'") == Rows{{"6"}});
    REQUIRE(w.deactivate_user(2, 1, kLater) == Status::kOk);
    CHECK_FALSE(q.session_user("be11", kLater));
    CHECK(q.session_user("ce44", kLater));
  }
}

}  // namespace
}  // namespace praxis::storage
