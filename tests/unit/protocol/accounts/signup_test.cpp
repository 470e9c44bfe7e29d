// parse_signup (setup and registration): every field rule of the profile, the
// password and the token, each at its edge.
#include "protocol/accounts/bodies.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support.hpp"

namespace praxis::protocol::accounts {
namespace {

using Json = nlohmann::json;
using namespace test;

TEST_CASE("accounts signup: each field rule at its edge", "[accounts]") {
  struct Row {
    const char* field;
    std::optional<Json> value;  // nullopt: field left out
    bool ok;
  };
  const Row rows[] = {
      // password: 8-1024 bytes (not characters).
      {"password", repeat("x", 8), true},
      {"password", repeat("x", 7), false},
      {"password", repeat("x", 1024), true},
      {"password", repeat("x", 1025), false},
      {"password", repeat("\xc3\xa9", 4), true},         // 4 characters, 8 bytes
      {"password", repeat("\xc3\xa9", 3) + "x", false},  // 7 bytes
      {"password", repeat("\xc3\xa9", 512), true},
      {"password", repeat("\xc3\xa9", 512) + "x", false},
      {"password", "", false},
      {"password", std::nullopt, false},
      {"password", 12345678, false},
      {"password", nullptr, false},
      // display_name: 1-80 characters.
      {"display_name", "B", true},
      {"display_name", repeat("\xc3\xa9", 80), true},
      {"display_name", repeat("\xc3\xa9", 81), false},
      {"display_name", repeat("\xf0\x9f\x98\x80", 80), true},
      {"display_name", repeat("x", 81), false},
      {"display_name", "", false},
      {"display_name", std::nullopt, false},
      {"display_name", 5, false},
      // display_name and institution: no control characters (C0, DEL, C1).
      {"display_name", "Ada\x07", false},
      {"display_name", "Ada\xc2\x85", false},
      {"display_name", "Ada\x7f", false},
      {"display_name", "Ada\nLovelace", false},
      {"display_name", "Ada\tLovelace", false},
      {"display_name", "\x1b[2J", false},
      {"display_name", "Ada\xc2\xa0Lovelace", true},  // U+00A0 is not a control
      {"institution", "Omnia\nEspoo", false},
      {"institution", "Omnia\xc2\x80", false},
      // institution: up to 120 characters, optional.
      {"institution", repeat("\xc3\xa9", 120), true},
      {"institution", repeat("\xc3\xa9", 121), false},
      {"institution", "", true},
      {"institution", std::nullopt, true},
      {"institution", 5, false},
      // country: ISO 3166-1 alpha-2 or empty.
      {"country", "DE", true},
      {"country", "de", true},
      {"country", "", true},
      {"country", std::nullopt, true},
      {"country", "D", false},
      {"country", "DEU", false},
      {"country", "D1", false},
      {"country", "1D", false},
      {"country", "D-", false},
      {"country", " D", false},
      {"country", "\xc3\xa9", false},  // 2 bytes, not letters
      {"country", 49, false},
      // languages: up to 10 BCP 47 tags.
      {"languages", Json::array(), true},
      {"languages", std::nullopt, true},
      {"languages", std::vector<std::string>(10, "en"), true},
      {"languages", std::vector<std::string>(11, "en"), false},
      {"languages", Json::array({"zh-Hant-TW", "de-CH-1996", "sr-Latn", "es-419", "x-private"}),
       true},
      {"languages", Json::array({"abcdefgh-abcdefg-abcdefg-abcdefg-ab"}), true},  // 35 bytes
      {"languages", Json::array({"abcdefgh-abcdefg-abcdefg-abcdefg-abc"}), false},
      {"languages", Json::array({""}), false},
      {"languages", Json::array({"en_GB"}), false},
      {"languages", Json::array({"en GB"}), false},
      {"languages", Json::array({"-en"}), false},
      {"languages", Json::array({"en-"}), false},
      {"languages", Json::array({"en--GB"}), false},
      {"languages", Json::array({"abcdefghi"}), false},
      {"languages", Json::array({"1en"}), false},
      {"languages", Json::array({"\xc3\xa9n"}), false},
      {"languages", "en", false},
      {"languages", Json::array({1}), false},
      {"languages", Json::array({"en", nullptr}), false},
      // time_zone: an IANA name up to 64 bytes, optional.
      {"time_zone", "Europe/Helsinki", true},
      {"time_zone", "America/Argentina/Buenos_Aires", true},
      {"time_zone", "Etc/GMT+5", true},
      {"time_zone", "Etc/GMT-14", true},
      {"time_zone", "UTC", true},
      {"time_zone", "", true},
      {"time_zone", std::nullopt, true},
      {"time_zone", "America/" + repeat("a", 56), true},  // 64 bytes
      {"time_zone", "America/" + repeat("a", 57), false},
      {"time_zone", "Europe/Hel sinki", false},
      {"time_zone", "../etc/passwd", false},
      {"time_zone", "Europe/Z\xc3\xbcrich", false},
      {"time_zone", 2, false},
      // the token: a string of up to 128 bytes.
      {"invitation", repeat("t", 128), true},
      {"invitation", repeat("t", 129), false},
      {"invitation", std::nullopt, false},
      {"invitation", 5, false},
  };
  for (const auto& row : rows) {
    const std::string body = with_field(kRegisterBody, row.field, row.value);
    CAPTURE(row.field, body.size(), row.value ? row.value->dump() : "(left out)");
    const auto parsed = parse_signup(body, "invitation");
    CHECK(outcome(parsed) == (row.ok ? "ok" : "bad_field"));
    if (!row.ok) CHECK_THAT(message_of(parsed), Catch::Contains(row.field));
  }
  // Setup names its token "token": a register body lacks it.
  CHECK_THAT(message_of(parse_signup(kRegisterBody, "token")), Catch::Contains("token"));
}

}  // namespace
}  // namespace praxis::protocol::accounts
