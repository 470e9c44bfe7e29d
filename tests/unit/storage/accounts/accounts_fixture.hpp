// The accounts feature on a test database (storage_fixture.hpp).
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "../storage_fixture.hpp"
#include "storage/accounts/queries.hpp"
#include "storage/accounts/writes.hpp"

namespace praxis::storage::accounts::test {

using storage::test::kT0;

struct AccountsDb : storage::test::Db {
  Writes writes{*txn};
  Queries queries{*reader};

  // A user "<name>@example.org" called <name>, created at `at`.
  Id user(const std::string& name, UserRole role = UserRole::kMember, Millis at = kT0) {
    User u;
    u.profile.email = name + "@example.org";
    u.profile.display_name = name;
    u.role = role;
    u.password_hash = "hash";
    u.created_at = at;
    REQUIRE(writes.create_user(u) == Status::kOk);
    return u.id;
  }
};

}  // namespace praxis::storage::accounts::test
