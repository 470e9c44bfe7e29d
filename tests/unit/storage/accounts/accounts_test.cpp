// Users, profiles and login sessions.
#include "storage/accounts/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "accounts_fixture.hpp"

namespace praxis::storage::accounts {
namespace {

using test::kT0;

TEST_CASE("users") {
  test::AccountsDb db;
  User ada;
  ada.profile = {"Ada@School.Example", "Ada", "Omnia", "FI", {"fi", "en"}, "Europe/Helsinki"};
  ada.role = UserRole::kAdmin;
  ada.password_hash = "$argon2id$...";
  ada.created_at = kT0;
  CHECK(db.queries.needs_setup());
  REQUIRE(db.writes.create_user(ada) == Status::kOk);
  CHECK(ada.id > 0);
  CHECK(ada.profile.email == "ada@school.example");
  CHECK_FALSE(db.queries.needs_setup());

  SECTION("e-mail is unique, whatever its case") {
    User again = ada;
    again.profile.email = "ADA@school.example";
    CHECK(db.writes.create_user(again) == Status::kConflict);
    CHECK(db.queries.users().size() == 1);
  }
  SECTION("read back by id and by e-mail") {
    auto by_id = db.queries.user_by_id(ada.id);
    REQUIRE(by_id);
    CHECK(by_id->profile.display_name == "Ada");
    CHECK(by_id->profile.institution == "Omnia");
    CHECK(by_id->profile.country == "FI");
    CHECK(by_id->profile.languages == std::vector<std::string>{"fi", "en"});
    CHECK(by_id->profile.time_zone == "Europe/Helsinki");
    CHECK(by_id->role == UserRole::kAdmin);
    CHECK(by_id->password_hash == "$argon2id$...");
    CHECK(by_id->created_at == kT0);
    auto by_mail = db.queries.user_by_email("ADA@SCHOOL.example");
    REQUIRE(by_mail);
    CHECK(by_mail->id == ada.id);
    CHECK_FALSE(db.queries.user_by_id(999));
    CHECK_FALSE(db.queries.user_by_email("nobody@example.org"));
  }
  SECTION("created_at is the caller's; users are ordered by display name") {
    Id zed = db.user("Zed", UserRole::kMember, kT0 + 5);
    Id ben = db.user("Ben");
    CHECK(db.queries.user_by_id(zed)->created_at == kT0 + 5);
    auto all = db.queries.users();
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == ada.id);
    CHECK(all[1].id == ben);
    CHECK(all[2].id == zed);
  }
  SECTION("members do not end the setup") {
    test::AccountsDb other;
    other.user("ben");
    CHECK(other.queries.needs_setup());
  }
}

TEST_CASE("update_profile replaces everything but the e-mail") {
  test::AccountsDb db;
  Id ada = db.user("ada");
  UserProfile p{"ignored@example.org", "Ada L.", "Omnia", "FI", {"fi"}, "Europe/Helsinki"};
  REQUIRE(db.writes.update_profile(ada, p) == Status::kOk);
  auto got = db.queries.user_by_id(ada);
  REQUIRE(got);
  CHECK(got->profile.email == "ada@example.org");
  CHECK(got->profile.display_name == "Ada L.");
  CHECK(got->profile.institution == "Omnia");
  CHECK(got->profile.country == "FI");
  CHECK(got->profile.languages == std::vector<std::string>{"fi"});
  CHECK(got->profile.time_zone == "Europe/Helsinki");
  CHECK(db.writes.update_profile(999, p) == Status::kNotFound);
}

TEST_CASE("sessions") {
  test::AccountsDb db;
  Id ada = db.user("ada");
  REQUIRE(db.writes.create_session("h1", ada, kT0, kT0 + 1000) == Status::kOk);
  REQUIRE(db.writes.create_session("forever", ada, kT0, 0) == Status::kOk);
  CHECK(db.writes.create_session("h1", ada, kT0, 0) == Status::kConflict);
  CHECK(db.writes.create_session("h2", 999, kT0, 0) == Status::kNotFound);

  auto h1 = db.queries.session_user("h1", kT0 + 999);
  REQUIRE(h1);
  CHECK(h1->user.id == ada);
  CHECK(h1->expires_at == kT0 + 1000);
  CHECK_FALSE(db.queries.session_user("h1", kT0 + 1000));  // expired
  auto forever = db.queries.session_user("forever", kT0 + 1'000'000'000);
  REQUIRE(forever);
  CHECK(forever->user.id == ada);
  CHECK(forever->expires_at == 0);
  CHECK_FALSE(db.queries.session_user("unknown", kT0));

  CHECK(db.writes.revoke_session("forever", kT0 + 1) == Status::kOk);
  CHECK_FALSE(db.queries.session_user("forever", kT0));
  CHECK(db.scalar("SELECT revoked_at FROM sessions WHERE token_hash = 'forever'") == kT0 + 1);
  CHECK(db.writes.revoke_session("forever", kT0 + 2) == Status::kNotFound);
  CHECK(db.writes.revoke_session("unknown", kT0) == Status::kNotFound);
}

}  // namespace
}  // namespace praxis::storage::accounts
