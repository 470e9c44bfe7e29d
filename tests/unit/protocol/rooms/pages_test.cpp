// Pages of rooms_list and room_members: `limit` (clamped to list_page_max) and
// `cursor`, the "<id>:<name>" that a reply's `next` gave.
#include "protocol/rooms/messages.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "support.hpp"

namespace praxis::protocol::rooms {
namespace {

using namespace test;

TEST_CASE("rooms pages: limit is clamped to list_page_max", "[decode][rooms]") {
  struct Row {
    const char* limit;        // the field's JSON, or nullptr to leave it out
    std::int64_t by_default;  // with Limits{} (list_page_max 200)
    std::int64_t small;       // with list_page_max 5
  };
  const Row rows[] = {
      {nullptr, 200, 5},  // none: a full page
      {"null", 200, 5},  {"1", 1, 1},     {"5", 5, 5},     {"6", 6, 5},
      {"199", 199, 5},   {"200", 200, 5}, {"201", 200, 5}, {"9223372036854775807", 200, 5},
  };
  Limits small_limits;
  small_limits.list_page_max = 5;
  const Decoder by_default;
  const Decoder small(small_limits);
  for (const auto& row : rows) {
    const std::string tail = row.limit ? std::string(R"(,"limit":)") + row.limit + "}" : "}";
    const std::string list = R"({"type":"rooms_list")" + tail;
    const std::string members = R"({"type":"room_members","room":3)" + tail;
    CAPTURE(list, members);
    CHECK(message_as<RoomsList>(by_default(list)).limit == row.by_default);
    CHECK(message_as<RoomsList>(small(list)).limit == row.small);
    CHECK(message_as<RoomMembers>(by_default(members)).limit == row.by_default);
    CHECK(message_as<RoomMembers>(small(members)).limit == row.small);
  }
  // The history page is not a list page: list_page_max does not clamp it.
  CHECK(message_as<History>(small(R"({"type":"history","room":1,"limit":50})")).limit == 50);
}

TEST_CASE("rooms pages: a cursor is <id>:<name>, the name taken as it is", "[decode][rooms]") {
  struct Row {
    Json cursor;
    std::optional<Cursor> expected;  // nullopt: refused (bad_field naming cursor)
  };
  const Row rows[] = {
      {"12:Work-based learning", Cursor{"Work-based learning", 12}},
      {"1:a", Cursor{"a", 1}},
      {"7:", Cursor{"", 7}},                  // an empty name sorts first
      {"3:a:b", Cursor{"a:b", 3}},            // the first colon ends the id
      {"3: spaced ", Cursor{" spaced ", 3}},  // the name is not trimmed
      {"3:\xc3\xa9t\xc3\xa9", Cursor{"\xc3\xa9t\xc3\xa9", 3}},
      {"9223372036854775807:x", Cursor{"x", INT64_MAX}},
      {"", std::nullopt},
      {"12", std::nullopt},  // no colon
      {"Ben", std::nullopt},
      {":Ben", std::nullopt},  // no id
      {"0:Ben", std::nullopt},
      {"-7:Ben", std::nullopt},
      {"+7:Ben", std::nullopt},
      {" 7:Ben", std::nullopt},
      {"7 :Ben", std::nullopt},
      {"7.0:Ben", std::nullopt},
      {"0x7:Ben", std::nullopt},
      {"Ben:7", std::nullopt},
      {"9223372036854775808:x", std::nullopt},  // over an Id
      {7, std::nullopt},
      {Json::array({7, "Ben"}), std::nullopt},
      {Json::object({{"id", 7}}), std::nullopt},
      // Up to kMaxCursorBytes bytes.
      {"1:" + repeat("n", kMaxCursorBytes - 2), Cursor{repeat("n", kMaxCursorBytes - 2), 1}},
      {"1:" + repeat("n", kMaxCursorBytes - 1), std::nullopt},
  };
  const Decoder decode;
  for (const auto& row : rows) {
    for (const char* base :
         {R"({"type":"rooms_list","rid":1})", R"({"type":"room_members","rid":1,"room":4})"}) {
      const std::string frame = with_field(base, "cursor", row.cursor);
      CAPTURE(frame);
      const Decoded d = decode(frame);
      CHECK(rid_of(d) == 1);
      if (!row.expected) {
        CHECK(outcome(d) == "bad_field");
        CHECK_THAT(message_of(d), Catch::Contains("cursor"));
      } else if (outcome(d) == "rooms_list") {
        CHECK(message_as<RoomsList>(d).cursor == row.expected);
      } else {
        CHECK(message_as<RoomMembers>(d).cursor == row.expected);
      }
    }
  }
}

TEST_CASE("rooms_list: all, an admin's every room, is a boolean", "[decode][rooms]") {
  const Decoder decode;
  struct Row {
    const char* frame;
    bool all;
  };
  const Row rows[] = {
      {R"({"type":"rooms_list"})", false},
      {R"({"type":"rooms_list","all":null})", false},
      {R"({"type":"rooms_list","all":false})", false},
      {R"({"type":"rooms_list","all":true})", true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    CHECK(message_as<RoomsList>(decode(row.frame)).all == row.all);
  }
  // rooms.md's example: together with a page's limit and cursor.
  CHECK(message_as<RoomsList>(decode(R"({"type": "rooms_list", "rid": 3, "all": true, "limit": 50,
                                          "cursor": "41:Work-based learning"})")) ==
        RoomsList{50, Cursor{"Work-based learning", 41}, true});
  for (const Json& wrong : {Json(1), Json(0), Json("true"), Json::array({true}), Json::object()}) {
    const std::string frame = with_field(R"({"type":"rooms_list","rid":4})", "all", wrong);
    CAPTURE(frame);
    const Decoded d = decode(frame);
    CHECK(rid_of(d) == 4);
    CHECK(outcome(d) == "bad_field");
    CHECK_THAT(message_of(d), Catch::Contains("'all'"));
  }
}

TEST_CASE("rooms pages: the next of a reply is the cursor of the next request", "[decode][rooms]") {
  const Cursor cursors[] = {{"Work-based learning", 12},
                            {"", 1},
                            {"a:b", 3},
                            {"\xf0\x9f\x98\x80", 9},
                            {" x ", INT64_MAX}};
  const Decoder decode;
  for (const auto& c : cursors) {
    const std::string next = to_string(c);
    CAPTURE(next);
    CHECK(next == std::to_string(c.id) + ":" + c.name);
    const Json frame = {{"type", "rooms_list"}, {"cursor", next}};
    CHECK(message_as<RoomsList>(decode(frame.dump())).cursor == c);
  }
}

}  // namespace
}  // namespace praxis::protocol::rooms
