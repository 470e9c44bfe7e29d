// parse_page and the cursors of the accounts lists (`?limit=N&cursor=C`), the
// SESSION object, and how a session keeps request headers (header_text).
#include "protocol/accounts/lists.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "support.hpp"

namespace praxis::protocol::accounts {
namespace {

using Json = nlohmann::json;
using std::nullopt;
using test::outcome;

TEST_CASE("accounts lists: limit", "[accounts]") {
  const auto limit = [](std::optional<std::string> l) {
    return parse_page(l, nullopt, CursorKey::kTime);
  };
  CHECK(limit(nullopt) == Parsed<PageRequest>(PageRequest{kListPageMax, nullopt}));
  CHECK(limit("1") == Parsed<PageRequest>(PageRequest{1, nullopt}));
  CHECK(limit("200") == Parsed<PageRequest>(PageRequest{200, nullopt}));
  CHECK(limit("201") == Parsed<PageRequest>(PageRequest{200, nullopt}));  // at most the maximum
  CHECK(limit("9223372036854775807") == Parsed<PageRequest>(PageRequest{200, nullopt}));
  for (const char* bad :
       {"", "0", "-1", "abc", "1.5", " 5", "5 ", "+5", "0x10", "99999999999999999999"}) {
    CAPTURE(bad);
    const auto p = limit(bad);
    CHECK(outcome(p) == "bad_field");
    CHECK_THAT(test::message_of(p), Catch::Contains("'limit'"));
  }
}

TEST_CASE("accounts lists: cursors are the next of an earlier page", "[accounts]") {
  CHECK(name_cursor(12, "Ada Lovelace") == "12:Ada Lovelace");
  CHECK(time_cursor(7, 1767225600000) == "7:1767225600000");

  const auto name = parse_page(nullopt, name_cursor(12, "Ada: L."), CursorKey::kName);
  REQUIRE(outcome(name) == "ok");
  CHECK(std::get<PageRequest>(name).cursor == Cursor{12, "Ada: L.", 0});
  const auto empty_name = parse_page(nullopt, std::string("3:"), CursorKey::kName);
  REQUIRE(outcome(empty_name) == "ok");
  CHECK(std::get<PageRequest>(empty_name).cursor == Cursor{3, "", 0});

  const auto time = parse_page("5", time_cursor(7, 1767225600000), CursorKey::kTime);
  REQUIRE(outcome(time) == "ok");
  CHECK(std::get<PageRequest>(time) == PageRequest{5, Cursor{7, "", 1767225600000}});

  struct Row {
    std::string cursor;
    CursorKey key;
  };
  const Row bad[] = {
      {"", CursorKey::kName},
      {"12", CursorKey::kName},
      {":Ada", CursorKey::kName},
      {"0:Ada", CursorKey::kName},
      {"-1:Ada", CursorKey::kName},
      {"x:Ada", CursorKey::kName},
      {"12:" + std::string(kMaxCursorBytes, 'a'), CursorKey::kName},
      {"7:", CursorKey::kTime},
      {"7:Ada", CursorKey::kTime},
      {"7:12x", CursorKey::kTime},
      {"7:1.5", CursorKey::kTime},
  };
  for (const auto& row : bad) {
    CAPTURE(row.cursor);
    const auto p = parse_page(nullopt, row.cursor, row.key);
    CHECK(outcome(p) == "bad_field");
    CHECK_THAT(test::message_of(p), Catch::Contains("'cursor'"));
  }
}

TEST_CASE("accounts lists: the SESSION object", "[accounts]") {
  const SessionInfo s{7, 1767225600000, 1769817600000, "192.0.2.10", "Mozilla/5.0", true};
  CHECK(Json(s) == Json::parse(R"({"id": 7, "created_at": 1767225600000,
      "expires_at": 1769817600000, "address": "192.0.2.10", "user_agent": "Mozilla/5.0",
      "current": true})"));
  CHECK(Json(SessionInfo{}) == Json::parse(R"({"id": 0, "created_at": 0, "expires_at": 0,
      "address": "", "user_agent": "", "current": false})"));
}

TEST_CASE("accounts lists: header_text keeps printable ASCII", "[accounts]") {
  CHECK(header_text("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", 256) ==
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
  CHECK(header_text("", 256).empty());
  CHECK(header_text("tab\there\nnl\x7f\x01", 256) == "tab?here?nl??");
  // Bytes beyond ASCII (invalid UTF-8 or not) are replaced one by one, so the
  // result is always valid JSON text.
  CHECK(header_text("caf\xc3\xa9 \xff", 256) == "caf?? ?");
  CHECK(header_text(std::string(300, 'a'), 256) == std::string(256, 'a'));
  CHECK(header_text("2001:db8::1", kMaxAddressBytes) == "2001:db8::1");
  CHECK(Json(header_text("\xff\xfe", 8)).dump() == "\"??\"");
}

}  // namespace
}  // namespace praxis::protocol::accounts
