// parse_password_change and parse_password_reset: the documented examples,
// their field rules (the new password follows the sign-up rules, the current
// one is checked like a login), and bodies that are not a UTF-8 JSON object.
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

const char* const kChange =
    R"({"current_password": "correct horse battery", "new_password": "a new long secret"})";
const char* const kReset = R"({"token": "...", "password": "a new long secret"})";

TEST_CASE("accounts passwords: the documented examples parse", "[accounts]") {
  CHECK(parse_password_change(kChange) ==
        Parsed<PasswordChange>(PasswordChange{"correct horse battery", "a new long secret"}));
  CHECK(parse_password_reset(kReset) ==
        Parsed<PasswordReset>(PasswordReset{"...", "a new long secret"}));
  // Unknown fields are ignored, like in every body.
  CHECK(outcome(parse_password_reset(
            R"({"token": "t", "password": "12345678", "email": "a@b.c"})")) == "ok");
}

TEST_CASE("accounts passwords: field rules", "[accounts]") {
  struct Row {
    const char* base;
    const char* field;
    std::optional<Json> value;
    bool ok;
  };
  const Row rows[] = {
      // The current password: anything a login accepts.
      {kChange, "current_password", "", true},
      {kChange, "current_password", "x", true},
      {kChange, "current_password", repeat("x", 1024), true},
      {kChange, "current_password", repeat("x", 1025), false},
      {kChange, "current_password", std::nullopt, false},
      {kChange, "current_password", 12345678, false},
      // The new one: the sign-up rules.
      {kChange, "new_password", repeat("x", 8), true},
      {kChange, "new_password", repeat("x", 1024), true},
      {kChange, "new_password", repeat("x", 7), false},
      {kChange, "new_password", repeat("x", 1025), false},
      {kChange, "new_password", "", false},
      {kChange, "new_password", std::nullopt, false},
      {kChange, "new_password", Json::array({"12345678"}), false},
      {kReset, "password", repeat("x", 8), true},
      {kReset, "password", repeat("x", 7), false},
      {kReset, "password", repeat("x", 1025), false},
      {kReset, "password", std::nullopt, false},
      {kReset, "token", repeat("t", 128), true},
      {kReset, "token", repeat("t", 129), false},
      {kReset, "token", std::nullopt, false},
      {kReset, "token", 42, false},
  };
  for (const auto& row : rows) {
    const std::string body = with_field(row.base, row.field, row.value);
    CAPTURE(body);
    const auto [code, message] = row.base == kChange ? summary(parse_password_change(body))
                                                     : summary(parse_password_reset(body));
    CHECK(code == (row.ok ? "ok" : "bad_field"));
    if (!row.ok) CHECK_THAT(message, Catch::Contains(std::string("'") + row.field + "'"));
  }
  // Lengths are in bytes: four characters of 2 + 2 + 2 + 3 bytes are enough, three are not.
  CHECK(outcome(parse_password_change(
            R"({"current_password": "x", "new_password": "\u00e4\u00e4\u00e4\u20ac"})")) == "ok");
  CHECK(outcome(parse_password_change(
            R"({"current_password": "x", "new_password": "\u00e4\u00e4\u20ac"})")) == "bad_field");
}

TEST_CASE("accounts passwords: not a JSON object", "[accounts]") {
  for (const char* body : {"", "[]", "\"x\"", "{", "null"}) {
    CAPTURE(body);
    CHECK(outcome(parse_password_change(body)) == "bad_json");
    CHECK(outcome(parse_password_reset(body)) == "bad_json");
  }
  const std::string invalid = "{\"token\": \"\xff\", \"password\": \"12345678\"}";
  CHECK(outcome(parse_password_reset(invalid)) == "bad_utf8");
}

}  // namespace
}  // namespace praxis::protocol::accounts
