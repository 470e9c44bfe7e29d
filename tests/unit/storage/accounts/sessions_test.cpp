// Login sessions: where they come from, listing them newest first in pages,
// revoking one by id (its owner or an admin) or all but one; deactivated users
// have none.
#include "storage/accounts/writes.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

#include "accounts_fixture.hpp"

namespace praxis::storage::accounts {
namespace {

using test::kT0;

std::vector<std::string> hashes(const Page<Session>& page) {
  std::vector<std::string> out;
  for (const auto& s : page.items) out.push_back(s.token_hash);
  return out;
}

TEST_CASE("sessions keep the address and user agent they came from") {
  test::AccountsDb db;
  Id ada = db.user("ada");
  REQUIRE(db.writes.create_session("h1", ada, kT0, kT0 + 1000, "192.0.2.1", "Firefox") ==
          Status::kOk);
  REQUIRE(db.writes.create_session("h2", ada, kT0 + 1, 0) == Status::kOk);
  auto page = db.queries.sessions_of(ada, kT0, std::nullopt, 10);
  REQUIRE(page.items.size() == 2);
  CHECK_FALSE(page.has_more);
  const auto& h1 = page.items[1];
  CHECK(h1.id > 0);
  CHECK(h1.user_id == ada);
  CHECK(h1.token_hash == "h1");
  CHECK(h1.created_at == kT0);
  CHECK(h1.expires_at == kT0 + 1000);
  CHECK(h1.address == "192.0.2.1");
  CHECK(h1.user_agent == "Firefox");
  CHECK(page.items[0].address.empty());
  CHECK(page.items[0].user_agent.empty());
  CHECK(page.items[0].id > h1.id);
}

TEST_CASE("sessions_of: live sessions of one user, newest first, paged") {
  test::AccountsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  // Created out of order; two at the same time (the id decides).
  REQUIRE(db.writes.create_session("s3", ada, kT0 + 3, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("s1", ada, kT0 + 1, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("s2a", ada, kT0 + 2, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("s2b", ada, kT0 + 2, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("old", ada, kT0, kT0 + 10) == Status::kOk);
  REQUIRE(db.writes.create_session("gone", ada, kT0 + 4, 0) == Status::kOk);
  REQUIRE(db.writes.revoke_session("gone", kT0 + 5) == Status::kOk);
  REQUIRE(db.writes.create_session("bens", ben, kT0 + 9, 0) == Status::kOk);

  const auto all = db.queries.sessions_of(ada, kT0 + 10, std::nullopt, 200);
  CHECK(hashes(all) == std::vector<std::string>{"s3", "s2b", "s2a", "s1"});  // not expired, revoked
  CHECK(hashes(db.queries.sessions_of(ada, kT0 + 9, std::nullopt, 200)) ==
        std::vector<std::string>{"s3", "s2b", "s2a", "s1", "old"});

  std::vector<std::string> walked;
  std::optional<TimeAfter> after;
  int pages = 0;
  while (true) {
    auto page = db.queries.sessions_of(ada, kT0 + 10, after, 1);
    for (const auto& h : hashes(page)) walked.push_back(h);
    ++pages;
    if (!page.has_more) break;
    REQUIRE(page.items.size() == 1);
    after = TimeAfter{page.items.back().created_at, page.items.back().id};
  }
  CHECK(walked == hashes(all));
  CHECK(pages == 4);
  CHECK(db.queries.sessions_of(ada, kT0 + 10, std::nullopt, 0).items.empty());
  CHECK(db.queries.sessions_of(999, kT0, std::nullopt, 10).items.empty());
}

TEST_CASE("revoke_session_by_id: the owner or an admin") {
  test::AccountsDb db;
  Id admin = db.user("admin", UserRole::kAdmin);
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  REQUIRE(db.writes.create_session("ada1", ada, kT0, 0, "192.0.2.1", "UA") == Status::kOk);
  REQUIRE(db.writes.create_session("ada2", ada, kT0 + 1, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("short", ada, kT0, kT0 + 5) == Status::kOk);
  const auto id_of = [&](const std::string& hash) {
    return db.scalar("SELECT id FROM sessions WHERE token_hash = '" + hash + "'");
  };
  Session revoked;

  SECTION("another member gets kNotFound and nothing changes") {
    CHECK(db.writes.revoke_session_by_id(id_of("ada1"), ben, kT0, revoked) == Status::kNotFound);
    CHECK(db.queries.session_user("ada1", kT0));
    CHECK(revoked.id == 0);
  }
  SECTION("the owner") {
    REQUIRE(db.writes.revoke_session_by_id(id_of("ada1"), ada, kT0 + 2, revoked) == Status::kOk);
    CHECK(revoked.id == id_of("ada1"));
    CHECK(revoked.user_id == ada);
    CHECK(revoked.token_hash == "ada1");
    CHECK(revoked.address == "192.0.2.1");
    CHECK_FALSE(db.queries.session_user("ada1", kT0 + 2));
    CHECK(db.queries.session_user("ada2", kT0 + 2));
    CHECK(db.scalar("SELECT revoked_at FROM sessions WHERE token_hash = 'ada1'") == kT0 + 2);
    // Revoked already: not live any more.
    CHECK(db.writes.revoke_session_by_id(id_of("ada1"), ada, kT0 + 3, revoked) ==
          Status::kNotFound);
  }
  SECTION("an admin, any session") {
    CHECK(db.writes.revoke_session_by_id(id_of("ada2"), admin, kT0, revoked) == Status::kOk);
    CHECK(revoked.user_id == ada);
    CHECK_FALSE(db.queries.session_user("ada2", kT0));
  }
  SECTION("a deactivated admin is no admin") {
    Id other = db.user("other", UserRole::kAdmin);
    REQUIRE(db.writes.deactivate_user(other, admin, kT0) == Status::kOk);
    CHECK(db.writes.revoke_session_by_id(id_of("ada2"), other, kT0, revoked) == Status::kNotFound);
  }
  SECTION("expired or unknown sessions are not found") {
    CHECK(db.writes.revoke_session_by_id(id_of("short"), ada, kT0 + 5, revoked) ==
          Status::kNotFound);
    CHECK(db.writes.revoke_session_by_id(999, admin, kT0, revoked) == Status::kNotFound);
  }
}

TEST_CASE("revoke_sessions: all of a user's, or all but one") {
  test::AccountsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  for (const char* h : {"a1", "a2", "a3"})
    REQUIRE(db.writes.create_session(h, ada, kT0, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("b1", ben, kT0, 0) == Status::kOk);
  REQUIRE(db.writes.revoke_session("a3", kT0 + 1) == Status::kOk);

  REQUIRE(db.writes.revoke_sessions(ada, kT0 + 2, "a2") == Status::kOk);
  CHECK_FALSE(db.queries.session_user("a1", kT0 + 2));
  CHECK(db.queries.session_user("a2", kT0 + 2));
  CHECK(db.queries.session_user("b1", kT0 + 2));
  // An earlier revocation keeps its time.
  CHECK(db.scalar("SELECT revoked_at FROM sessions WHERE token_hash = 'a3'") == kT0 + 1);
  CHECK(db.scalar("SELECT revoked_at FROM sessions WHERE token_hash = 'a1'") == kT0 + 2);

  REQUIRE(db.writes.revoke_sessions(ada, kT0 + 3) == Status::kOk);
  CHECK_FALSE(db.queries.session_user("a2", kT0 + 3));
  CHECK(db.queries.session_user("b1", kT0 + 3));
  CHECK(db.writes.revoke_sessions(999, kT0) == Status::kOk);
}

TEST_CASE("cap_sessions ends the live sessions beyond the newest N and deletes ended ones") {
  test::AccountsDb db;
  Id ada = db.user("ada");
  Id ben = db.user("ben");
  REQUIRE(db.writes.create_session("s1", ada, kT0 + 1, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("s2", ada, kT0 + 2, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("s3", ada, kT0 + 3, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("expired", ada, kT0 + 4, kT0 + 5) == Status::kOk);
  REQUIRE(db.writes.create_session("revoked", ada, kT0 + 6, 0) == Status::kOk);
  REQUIRE(db.writes.revoke_session("revoked", kT0 + 7) == Status::kOk);
  REQUIRE(db.writes.create_session("s4", ada, kT0 + 8, 0) == Status::kOk);
  REQUIRE(db.writes.create_session("bens", ben, kT0 + 1, 0) == Status::kOk);

  // At the edge nothing live ends: four live sessions, a cap of four.
  CHECK(db.writes.cap_sessions(ada, 4, kT0 + 10).empty());
  CHECK(hashes(db.queries.sessions_of(ada, kT0 + 10, std::nullopt, 200)) ==
        std::vector<std::string>{"s4", "s3", "s2", "s1"});
  // The ended two are gone from the table, not only from the list.
  CHECK(db.scalar("SELECT COUNT(*) FROM sessions WHERE user_id = " + std::to_string(ada)) == 4);

  // One below: the oldest live one ends, and its hash comes back for its socket.
  CHECK(db.writes.cap_sessions(ada, 3, kT0 + 10) == std::vector<std::string>{"s1"});
  CHECK(hashes(db.queries.sessions_of(ada, kT0 + 10, std::nullopt, 200)) ==
        std::vector<std::string>{"s4", "s3", "s2"});
  CHECK(db.writes.cap_sessions(ada, 1, kT0 + 10) == std::vector<std::string>{"s3", "s2"});
  CHECK(db.writes.cap_sessions(ada, 0, kT0 + 10).empty());  // no cap: nothing live ends
  CHECK(hashes(db.queries.sessions_of(ada, kT0 + 10, std::nullopt, 200)) ==
        std::vector<std::string>{"s4"});
  CHECK(hashes(db.queries.sessions_of(ben, kT0 + 10, std::nullopt, 200)) ==
        std::vector<std::string>{"bens"});  // another user's are untouched
}

}  // namespace
}  // namespace praxis::storage::accounts
