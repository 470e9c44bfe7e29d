// The e-mail rule every accounts body shares: 3-254 bytes, one @ with text on
// both sides, no spaces or C0 controls.
#include "protocol/accounts/bodies.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>

#include "support.hpp"

namespace praxis::protocol::accounts {
namespace {

using Json = nlohmann::json;
using namespace test;

TEST_CASE("accounts email: 3-254 bytes with one @", "[accounts]") {
  struct Row {
    Json email;
    bool ok;
  };
  const Row rows[] = {
      {"a@b", true},
      {"ada@school.example", true},
      {"first.last+tag@sub.example.org", true},
      {"\xc3\xa9@\xc3\xa9.example", true},
      {repeat("a", 250) + "@b.c", true},  // 254 bytes
      {repeat("a", 251) + "@b.c", false},
      {repeat("\xc3\xa9", 126) + "@b.c", false},  // 130 characters, 256 bytes
      {"ab", false},
      {"a@", false},
      {"@b", false},
      {"@", false},
      {"ab.example", false},
      {"a@@b", false},
      {"a@b@c", false},
      {"a b@c", false},
      {" a@b", false},
      {"a@b ", false},
      {"a@b\tc", false},
      {"a@b\nc", false},
      {"a\x07@b", false},
      {std::string("a\0@b", 4), false},
      {5, false},
      {Json::array({"a@b"}), false},
      {true, false},
  };
  for (const auto& parser : kParsers) {
    for (const auto& row : rows) {
      CAPTURE(parser.name, row.email.dump());
      const auto [code, message] = parser.parse(with_field(parser.base, "email", row.email));
      CHECK(code == (row.ok ? "ok" : "bad_field"));
      if (!row.ok) CHECK_THAT(message, Catch::Contains("email"));
    }
  }
  // Required except in an invitation, where left out or blank means none.
  for (const auto& parser : kParsers) {
    CAPTURE(parser.name);
    const char* expected = parser.email_optional ? "ok" : "bad_field";
    CHECK(parser.parse(with_field(parser.base, "email", std::nullopt)).first == expected);
    CHECK(parser.parse(with_field(parser.base, "email", "")).first == expected);
  }
}

}  // namespace
}  // namespace praxis::protocol::accounts
