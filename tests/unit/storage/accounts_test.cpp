#include <catch2/catch.hpp>

#include "storage/write_txn.hpp"
#include "storage_fixture.hpp"

namespace praxis::storage {
namespace {

using test::kT0;

TEST_CASE("users") {
  test::Db db;
  User ada;
  ada.profile = {"Ada@School.Example", "Ada", "Omnia", "FI", {"fi", "en"}, "Europe/Helsinki"};
  ada.role = UserRole::kAdmin;
  ada.password_hash = "$argon2id$...";
  ada.created_at = kT0;
  CHECK(db.reader->needs_setup());
  REQUIRE(db.txn->create_user(ada) == Status::kOk);
  CHECK(ada.id > 0);
  CHECK(ada.profile.email == "ada@school.example");
  CHECK_FALSE(db.reader->needs_setup());

  SECTION("e-mail is unique, whatever its case") {
    User again = ada;
    again.profile.email = "ADA@school.example";
    CHECK(db.txn->create_user(again) == Status::kConflict);
    CHECK(db.reader->users().size() == 1);
  }
  SECTION("read back by id and by e-mail") {
    auto by_id = db.reader->user_by_id(ada.id);
    REQUIRE(by_id);
    CHECK(by_id->profile.languages == std::vector<std::string>{"fi", "en"});
    CHECK(by_id->profile.time_zone == "Europe/Helsinki");
    CHECK(by_id->role == UserRole::kAdmin);
    CHECK(by_id->password_hash == "$argon2id$...");
    CHECK(by_id->created_at == kT0);
    auto by_mail = db.reader->user_by_email("ADA@SCHOOL.example");
    REQUIRE(by_mail);
    CHECK(by_mail->id == ada.id);
    CHECK_FALSE(db.reader->user_by_id(999));
    CHECK_FALSE(db.reader->user_by_email("nobody@example.org"));
  }
  SECTION("created_at defaults to now; users are ordered by display name") {
    Id zed = db.user("Zed");
    Id ben = db.user("Ben");
    CHECK(db.reader->user_by_id(zed)->created_at > kT0);
    auto all = db.reader->users();
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == ada.id);
    CHECK(all[1].id == ben);
    CHECK(all[2].id == zed);
  }
}

TEST_CASE("sessions") {
  test::Db db;
  Id ada = db.user("ada");
  REQUIRE(db.txn->create_session("h1", ada, kT0, kT0 + 1000) == Status::kOk);
  REQUIRE(db.txn->create_session("forever", ada, kT0, 0) == Status::kOk);
  CHECK(db.txn->create_session("h1", ada, kT0, 0) == Status::kConflict);
  CHECK(db.txn->create_session("h2", 999, kT0, 0) == Status::kNotFound);

  CHECK(db.reader->session_user("h1", kT0 + 999)->id == ada);
  CHECK_FALSE(db.reader->session_user("h1", kT0 + 1000));  // expired
  CHECK(db.reader->session_user("forever", kT0 + 1'000'000'000)->id == ada);
  CHECK_FALSE(db.reader->session_user("unknown", kT0));

  CHECK(db.txn->revoke_session("forever") == Status::kOk);
  CHECK_FALSE(db.reader->session_user("forever", kT0));
  CHECK(db.txn->revoke_session("forever") == Status::kNotFound);
  CHECK(db.txn->revoke_session("unknown") == Status::kNotFound);
}

TEST_CASE("invitations") {
  test::Db db;
  Id ada = db.user("ada", UserRole::kAdmin);
  Invitation inv;
  inv.email = "Ben@Partner.example";
  inv.created_by = ada;
  inv.created_at = kT0;
  inv.expires_at = kT0 + 100;
  REQUIRE(db.txn->create_invitation(inv, "tok") == Status::kOk);
  CHECK(inv.id > 0);
  CHECK(db.txn->create_invitation(inv, "tok") == Status::kConflict);

  Invitation later;
  later.role = UserRole::kAdmin;
  later.created_at = kT0 + 1;
  later.expires_at = kT0 + 100;
  REQUIRE(db.txn->create_invitation(later, "tok2") == Status::kOk);

  auto all = db.reader->invitations();
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == later.id);  // newest first
  CHECK(all[0].created_by == 0);
  CHECK(all[1].email == "ben@partner.example");
  CHECK(all[1].created_by == ada);

  Invitation got;
  CHECK(db.txn->consume_invitation("nope", kT0, got) == Status::kForbidden);
  CHECK(db.txn->consume_invitation("tok2", kT0 + 100, got) == Status::kForbidden);  // expired
  REQUIRE(db.txn->consume_invitation("tok", kT0 + 99, got) == Status::kOk);
  CHECK(got.id == inv.id);
  CHECK(got.used);
  CHECK(got.email == "ben@partner.example");
  CHECK(db.txn->consume_invitation("tok", kT0 + 99, got) == Status::kForbidden);  // used
  CHECK(db.reader->invitations()[1].used);
  CHECK_FALSE(db.reader->invitations()[0].used);
}

TEST_CASE("setup token") {
  test::Db db;
  CHECK(db.txn->consume_setup_token("any") == Status::kForbidden);
  REQUIRE(db.txn->set_setup_token("first") == Status::kOk);
  REQUIRE(db.txn->set_setup_token("second") == Status::kOk);  // replaces the first
  CHECK(db.txn->consume_setup_token("first") == Status::kForbidden);
  CHECK(db.txn->consume_setup_token("second") == Status::kOk);
  CHECK(db.txn->consume_setup_token("second") == Status::kForbidden);
}

}  // namespace
}  // namespace praxis::storage
