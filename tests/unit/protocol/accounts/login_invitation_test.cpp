// parse_login, parse_invitation and parse_invitation_check: their own field
// rules (the e-mail's are in email_test).
#include "protocol/accounts/bodies.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "support.hpp"

namespace praxis::protocol::accounts {
namespace {

using Json = nlohmann::json;
using namespace test;

TEST_CASE("accounts login and invitation: field rules", "[accounts]") {
  struct Row {
    const char* base;
    const char* field;
    std::optional<Json> value;
    bool ok;
  };
  const char* login = kParsers[0].base;
  const char* invitation = kParsers[3].base;
  const Row rows[] = {
      {login, "password", repeat("x", 1024), true},
      {login, "password", repeat("x", 1025), false},
      {login, "password", std::nullopt, false},
      {login, "password", 12345678, false},
      {invitation, "role", "member", true},
      {invitation, "role", "admin", true},
      {invitation, "role", std::nullopt, true},
      {invitation, "role", "owner", false},
      {invitation, "role", "Admin", false},
      {invitation, "role", "", false},
      {invitation, "role", 1, false},
  };
  for (const auto& row : rows) {
    const std::string body = with_field(row.base, row.field, row.value);
    CAPTURE(body);
    const auto [code, message] =
        row.base == login ? summary(parse_login(body)) : summary(parse_invitation(body));
    CHECK(code == (row.ok ? "ok" : "bad_field"));
    if (!row.ok) CHECK_THAT(message, Catch::Contains(row.field));
  }
}

TEST_CASE("accounts invitation check: one token", "[accounts]") {
  const auto ok = parse_invitation_check(R"({"invitation": "abc-DEF_123"})");
  REQUIRE(std::holds_alternative<InvitationCheck>(ok));
  CHECK(std::get<InvitationCheck>(ok).invitation == "abc-DEF_123");
  const char* base = R"({"invitation": "t"})";
  for (const auto& value :
       {std::optional<Json>(), std::optional<Json>(5), std::optional<Json>(repeat("x", 129))}) {
    const auto [code, message] =
        summary(parse_invitation_check(with_field(base, "invitation", value)));
    CHECK(code == "bad_field");
    CHECK_THAT(message, Catch::Contains("invitation"));
  }
  CHECK(summary(parse_invitation_check(with_field(base, "invitation", repeat("x", 128)))).first ==
        "ok");
  CHECK(summary(parse_invitation_check("[]")).first == "bad_json");
}

}  // namespace
}  // namespace praxis::protocol::accounts
