// The account lifecycle: deactivation and reactivation, password hashes,
// reset links, revoked invitations, and the paged lists of users and
// invitations.
#include "storage/accounts/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "accounts_fixture.hpp"

namespace praxis::storage::accounts {
namespace {

using test::kT0;

constexpr Millis kDay = 86400 * 1000;

TEST_CASE("deactivate_user and reactivate_user") {
  test::AccountsDb db;
  Id admin = db.user("admin", UserRole::kAdmin);
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  REQUIRE(db.writes.create_session("ada1", ada, kT0, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("ada2", ada, kT0, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("ben1", ben, kT0, 0) == Status::kOk);
  REQUIRE(db.writes.create_password_reset("r1", ada, admin, kT0, kT0 + kDay) == Status::kOk);

  SECTION("only an active admin may") {
    CHECK(db.writes.deactivate_user(ada, ben, kT0) == Status::kForbidden);
    CHECK(db.writes.deactivate_user(ada, 999, kT0) == Status::kForbidden);
    CHECK(db.queries.user_by_id(ada)->active());
    CHECK(db.queries.session_user("ada1", kT0));
  }
  SECTION("no such user; not oneself") {
    CHECK(db.writes.deactivate_user(999, admin, kT0) == Status::kNotFound);
    CHECK(db.writes.deactivate_user(admin, admin, kT0) == Status::kConflict);
    CHECK(db.queries.user_by_id(admin)->active());
    CHECK(db.writes.reactivate_user(999, admin) == Status::kNotFound);
  }
  SECTION("a deactivated user has no sessions, no login, no reset links") {
    REQUIRE(db.writes.deactivate_user(ada, admin, kT0 + 1) == Status::kOk);
    auto got = db.queries.user_by_id(ada);
    REQUIRE(got);
    CHECK_FALSE(got->active());
    CHECK(got->deactivated_at == kT0 + 1);
    CHECK_FALSE(db.queries.session_user("ada1", kT0 + 1));
    CHECK_FALSE(db.queries.session_user("ada2", kT0 + 1));
    CHECK(db.scalar("SELECT COUNT(*) FROM sessions WHERE user_id = " + std::to_string(ada) +
                    " AND revoked_at = " + std::to_string(kT0 + 1)) == 2);
    CHECK(db.queries.session_user("ben1", kT0 + 1));
    CHECK(db.queries.user_by_email("ada@example.org"));
    CHECK_FALSE(db.queries.active_user_by_email("ada@example.org"));
    CHECK(db.queries.active_user_by_email("ben@example.org"));
    CHECK_FALSE(db.queries.password_reset_usable("r1", kT0 + 1));
    CHECK(db.writes.create_session("ada3", ada, kT0 + 1, 0) == Status::kForbidden);
    CHECK(db.writes.create_password_reset("r2", ada, admin, kT0, kT0 + kDay) == Status::kConflict);
    CHECK(db.writes.set_password_hash(ada, "new", kT0) == Status::kForbidden);
    CHECK(db.writes.deactivate_user(ada, admin, kT0 + 2) == Status::kUnchanged);
    CHECK(db.queries.user_by_id(ada)->deactivated_at == kT0 + 1);
    // Content and the row stay; the list shows the user to admins only.
    CHECK(db.queries.users().size() == 3);
    CHECK(db.queries.users_page(std::nullopt, 10, false).items.size() == 2);
    CHECK(db.queries.users_page(std::nullopt, 10, true).items.size() == 3);

    SECTION("reactivation restores login, not the old sessions or links") {
      CHECK(db.writes.reactivate_user(ada, ben) == Status::kForbidden);
      REQUIRE(db.writes.reactivate_user(ada, admin) == Status::kOk);
      CHECK(db.queries.user_by_id(ada)->active());
      CHECK(db.queries.active_user_by_email("ada@example.org"));
      CHECK_FALSE(db.queries.session_user("ada1", kT0 + 3));
      CHECK_FALSE(db.queries.password_reset_usable("r1", kT0 + 3));
      CHECK(db.writes.create_session("ada4", ada, kT0 + 3, 0) == Status::kOk);
      CHECK(db.queries.session_user("ada4", kT0 + 3));
      CHECK(db.writes.reactivate_user(ada, admin) == Status::kUnchanged);
    }
  }
  SECTION("an admin may deactivate another admin, never the last active one") {
    Id second = db.user("second", UserRole::kAdmin);
    REQUIRE(db.writes.deactivate_user(second, admin, kT0) == Status::kOk);
    // The deactivated admin is no admin any more: it cannot act, so the
    // remaining admin can be deactivated by nobody.
    CHECK(db.writes.deactivate_user(admin, second, kT0) == Status::kForbidden);
    CHECK(db.writes.reactivate_user(second, second) == Status::kForbidden);
    CHECK(db.queries.user_by_id(admin)->active());
    CHECK_FALSE(db.queries.needs_setup());
  }
}

TEST_CASE("set_password_hash") {
  test::AccountsDb db;
  Id admin = db.user("admin", UserRole::kAdmin);
  Id ada = db.user("ada");
  REQUIRE(db.writes.create_password_reset("r1", ada, admin, kT0, kT0 + kDay) == Status::kOk);
  CHECK(db.writes.set_password_hash(999, "x", kT0) == Status::kNotFound);
  // Compare-and-set: only over the hash the caller checked.
  CHECK(db.writes.set_password_hash(ada, "new", kT0, "not the hash") == Status::kConflict);
  CHECK(db.queries.user_by_id(ada)->password_hash == "hash");
  CHECK(db.queries.password_reset_usable("r1", kT0));
  REQUIRE(db.writes.set_password_hash(ada, "new", kT0 + 1, "hash") == Status::kOk);
  CHECK(db.queries.user_by_id(ada)->password_hash == "new");
  CHECK_FALSE(db.queries.password_reset_usable("r1", kT0 + 1));  // spent by the change
  REQUIRE(db.writes.set_password_hash(ada, "newer", kT0 + 2) == Status::kOk);
  CHECK(db.queries.user_by_id(ada)->password_hash == "newer");
}

TEST_CASE("password reset links") {
  test::AccountsDb db;
  Id admin = db.user("admin", UserRole::kAdmin);
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  Id user = 0;

  CHECK(db.writes.create_password_reset("r0", ada, ben, kT0, kT0 + kDay) == Status::kForbidden);
  CHECK(db.writes.create_password_reset("r0", 999, admin, kT0, kT0 + kDay) == Status::kNotFound);
  CHECK_FALSE(db.queries.password_reset_usable("r0", kT0));
  REQUIRE(db.writes.create_password_reset("r1", ada, admin, kT0, kT0 + kDay) == Status::kOk);
  CHECK(db.writes.create_password_reset("r1", ben, admin, kT0, kT0 + kDay) == Status::kConflict);
  CHECK(db.scalar("SELECT created_by FROM password_resets WHERE token_hash = 'r1'") == admin);
  CHECK(db.queries.password_reset_usable("r1", kT0 + kDay - 1));
  CHECK_FALSE(db.queries.password_reset_usable("r1", kT0 + kDay));
  CHECK_FALSE(db.queries.password_reset_usable("nope", kT0));

  SECTION("it works once") {
    CHECK(db.writes.consume_password_reset("nope", kT0, user) == Status::kForbidden);
    REQUIRE(db.writes.consume_password_reset("r1", kT0 + 1, user) == Status::kOk);
    CHECK(user == ada);
    CHECK(db.scalar("SELECT used_at FROM password_resets WHERE token_hash = 'r1'") == kT0 + 1);
    user = 0;
    CHECK(db.writes.consume_password_reset("r1", kT0 + 2, user) == Status::kForbidden);
    CHECK(user == 0);
  }
  SECTION("it expires") {
    CHECK(db.writes.consume_password_reset("r1", kT0 + kDay, user) == Status::kForbidden);
    CHECK(db.queries.password_reset_usable("r1", kT0 + kDay - 1));  // unchanged
  }
  SECTION("a newer link spends the older one; using one spends all") {
    REQUIRE(db.writes.create_password_reset("r2", ada, admin, kT0 + 1, kT0 + kDay) == Status::kOk);
    CHECK_FALSE(db.queries.password_reset_usable("r1", kT0 + 1));
    REQUIRE(db.writes.create_password_reset("b1", ben, admin, kT0 + 1, kT0 + kDay) == Status::kOk);
    REQUIRE(db.writes.consume_password_reset("r2", kT0 + 2, user) == Status::kOk);
    CHECK(db.queries.password_reset_usable("b1", kT0 + 2));  // another user's
  }
  SECTION("refused for a deactivated user") {
    REQUIRE(db.writes.deactivate_user(ada, admin, kT0) == Status::kOk);
    CHECK(db.scalar("SELECT used_at FROM password_resets WHERE token_hash = 'r1'") == kT0);
    // Even a link deactivation did not spend (one written by hand):
    db.conn->exec("UPDATE password_resets SET used_at = NULL");
    CHECK_FALSE(db.queries.password_reset_usable("r1", kT0 + 1));
    CHECK(db.writes.consume_password_reset("r1", kT0 + 1, user) == Status::kForbidden);
    REQUIRE(db.writes.reactivate_user(ada, admin) == Status::kOk);
    CHECK(db.queries.password_reset_usable("r1", kT0 + 1));
  }
}

TEST_CASE("revoke_invitation") {
  test::AccountsDb db;
  Id admin = db.user("admin", UserRole::kAdmin);
  Id ben = db.user("ben");
  Invitation open, used;
  open.created_at = used.created_at = kT0;
  REQUIRE(db.writes.create_invitation(open, "open") == Status::kOk);
  REQUIRE(db.writes.create_invitation(used, "used") == Status::kOk);
  Invitation got;
  REQUIRE(db.writes.consume_invitation("used", kT0, got) == Status::kOk);

  CHECK(db.writes.revoke_invitation(open.id, ben, kT0) == Status::kForbidden);
  CHECK(db.writes.revoke_invitation(999, admin, kT0) == Status::kNotFound);
  CHECK(db.writes.revoke_invitation(used.id, admin, kT0) == Status::kConflict);
  CHECK(db.queries.usable_invitation("open", kT0));
  REQUIRE(db.writes.revoke_invitation(open.id, admin, kT0 + 1) == Status::kOk);
  CHECK(db.writes.revoke_invitation(open.id, admin, kT0 + 2) == Status::kUnchanged);
  CHECK_FALSE(db.queries.usable_invitation("open", kT0 + 1));
  CHECK(db.writes.consume_invitation("open", kT0 + 1, got) == Status::kForbidden);
  CHECK(db.scalar("SELECT revoked_at FROM invitations WHERE token_hash = 'open'") == kT0 + 1);
  auto all = db.queries.invitations();
  REQUIRE(all.size() == 2);
  for (const auto& i : all) CHECK(i.revoked == (i.id == open.id));
}

TEST_CASE("users_page: by display name, id; deactivated users for admins only") {
  test::AccountsDb db;
  Id admin = db.user("Admin", UserRole::kAdmin);
  db.user("Zed");
  Id b1 = db.user("Ben");
  db.user("Amy");
  // Two users of one name: the id decides.
  User twin;
  twin.profile = {"ben2@example.org", "Ben", "", "", {}, ""};
  twin.password_hash = "hash";
  REQUIRE(db.writes.create_user(twin) == Status::kOk);
  REQUIRE(db.writes.deactivate_user(b1, admin, kT0) == Status::kOk);

  const auto names = [](const Page<User>& p) {
    std::vector<std::string> out;
    for (const auto& u : p.items) out.push_back(u.profile.display_name + (u.active() ? "" : "-"));
    return out;
  };
  for (bool admins : {true, false}) {
    CAPTURE(admins);
    std::vector<std::string> walked;
    std::optional<NameAfter> after;
    while (true) {
      auto page = db.queries.users_page(after, 2, admins);
      for (const auto& n : names(page)) walked.push_back(n);
      if (!page.has_more) break;
      after = NameAfter{page.items.back().profile.display_name, page.items.back().id};
    }
    if (admins) {
      CHECK(walked == std::vector<std::string>{"Admin", "Amy", "Ben-", "Ben", "Zed"});
    } else {
      CHECK(walked == std::vector<std::string>{"Admin", "Amy", "Ben", "Zed"});
    }
  }
  auto last = db.queries.users_page(NameAfter{"Ben", twin.id}, 200, true);
  CHECK(names(last) == std::vector<std::string>{"Zed"});
  CHECK_FALSE(last.has_more);
}

TEST_CASE("invitations_page: newest first, paged") {
  test::AccountsDb db;
  std::vector<Id> ids;
  for (Millis at : {kT0 + 2, kT0, kT0 + 2, kT0 + 1}) {
    Invitation inv;
    inv.created_at = at;
    REQUIRE(db.writes.create_invitation(inv, "t" + std::to_string(ids.size())) == Status::kOk);
    ids.push_back(inv.id);
  }
  std::vector<Id> walked;
  std::optional<TimeAfter> after;
  while (true) {
    auto page = db.queries.invitations_page(after, 3);
    for (const auto& i : page.items) walked.push_back(i.id);
    if (!page.has_more) break;
    after = TimeAfter{page.items.back().created_at, page.items.back().id};
  }
  CHECK(walked == std::vector<Id>{ids[2], ids[0], ids[3], ids[1]});
  std::vector<Id> full;
  for (const auto& i : db.queries.invitations()) full.push_back(i.id);
  CHECK(full == walked);
}

}  // namespace
}  // namespace praxis::storage::accounts
