// Invitations and the one-time setup token.
#include "storage/accounts/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "accounts_fixture.hpp"

namespace praxis::storage::accounts {
namespace {

using test::kT0;

TEST_CASE("invitations") {
  test::AccountsDb db;
  Id ada = db.user("ada", UserRole::kAdmin);
  Invitation inv;
  inv.email = "Ben@Partner.example";
  inv.created_by = ada;
  inv.created_at = kT0;
  inv.expires_at = kT0 + 100;
  REQUIRE(db.writes.create_invitation(inv, "tok") == Status::kOk);
  CHECK(inv.id > 0);
  CHECK(inv.email == "ben@partner.example");
  CHECK(db.writes.create_invitation(inv, "tok") == Status::kConflict);

  Invitation later;
  later.role = UserRole::kAdmin;
  later.created_at = kT0 + 1;
  later.expires_at = kT0 + 100;
  REQUIRE(db.writes.create_invitation(later, "tok2") == Status::kOk);
  Invitation open_ended;
  open_ended.created_at = kT0 - 1;
  REQUIRE(db.writes.create_invitation(open_ended, "tok3") == Status::kOk);

  auto all = db.queries.invitations();
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == later.id);  // newest first
  CHECK(all[0].created_by == 0);
  CHECK(all[0].role == UserRole::kAdmin);
  CHECK(all[1].email == "ben@partner.example");
  CHECK(all[1].created_by == ada);
  CHECK(all[1].expires_at == kT0 + 100);
  CHECK(all[2].id == open_ended.id);

  const auto usable = db.queries.usable_invitation("tok", kT0 + 99);
  REQUIRE(usable);
  CHECK(usable->id == inv.id);
  CHECK(usable->email == "ben@partner.example");
  CHECK(usable->expires_at == kT0 + 100);
  CHECK_FALSE(db.queries.usable_invitation("tok", kT0 + 100));
  CHECK(db.queries.usable_invitation("tok3", kT0 + 1'000'000'000));  // expires_at 0: never
  CHECK_FALSE(db.queries.usable_invitation("nope", kT0));

  Invitation got;
  CHECK(db.writes.consume_invitation("nope", kT0, got) == Status::kForbidden);
  CHECK(db.writes.consume_invitation("tok2", kT0 + 100, got) == Status::kForbidden);  // expired
  REQUIRE(db.writes.consume_invitation("tok", kT0 + 99, got) == Status::kOk);
  CHECK(got.id == inv.id);
  CHECK(got.used);
  CHECK(got.email == "ben@partner.example");
  CHECK(db.writes.consume_invitation("tok", kT0 + 99, got) == Status::kForbidden);  // used
  CHECK_FALSE(db.queries.usable_invitation("tok", kT0));
  CHECK(db.queries.invitations()[1].used);
  CHECK_FALSE(db.queries.invitations()[0].used);
}

TEST_CASE("setup token") {
  test::AccountsDb db;
  CHECK(db.writes.consume_setup_token("any") == Status::kForbidden);
  REQUIRE(db.writes.set_setup_token("first") == Status::kOk);
  REQUIRE(db.writes.set_setup_token("second") == Status::kOk);  // replaces the first
  CHECK_FALSE(db.queries.setup_token_exists("first"));
  CHECK(db.queries.setup_token_exists("second"));
  CHECK(db.writes.consume_setup_token("first") == Status::kForbidden);

  SECTION("it works once") {
    CHECK(db.writes.consume_setup_token("second") == Status::kOk);
    CHECK(db.writes.consume_setup_token("second") == Status::kForbidden);
    CHECK_FALSE(db.queries.setup_token_exists("second"));
  }
  SECTION("it is worthless once an admin exists") {
    db.user("ada", UserRole::kAdmin);
    CHECK(db.writes.consume_setup_token("second") == Status::kForbidden);
    CHECK(db.queries.setup_token_exists("second"));  // kept until cleared
    db.writes.clear_setup_tokens();
    CHECK_FALSE(db.queries.setup_token_exists("second"));
  }
  SECTION("a member does not count") {
    db.user("ben");
    CHECK(db.writes.consume_setup_token("second") == Status::kOk);
  }
}

}  // namespace
}  // namespace praxis::storage::accounts
