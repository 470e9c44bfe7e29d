// The rooms server messages as encode() writes them (type, rid and fields),
// compared with the protocol's examples. Table-driven: one row per message.
// (Event frames from stored bodies: events_test.)
#include "protocol/rooms/messages.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <string>

#include "protocol/core/utf8.hpp"
#include "support.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol::rooms {
namespace {

using namespace test;

const RoomInfo kRoom{.id = 12,
                     .name = "Work-based learning",
                     .topic = "...",
                     .visibility = "open",
                     .last_seq = 341,
                     .member = true,
                     .role = "owner",
                     .read_seq = 300,
                     .unread = 12,
                     .mentions = 1,
                     .online = {1, 7}};
const char* const kRoomJson =
    R"({"id": 12, "name": "Work-based learning", "topic": "...", "visibility": "open",
        "last_seq": 341, "member": true, "role": "owner", "read_seq": 300, "unread": 12,
        "mentions": 1, "online": [1, 7]})";

// A room the user is not a member of: the member-only fields are left out even
// when the struct holds values for them.
const RoomInfo kOpenRoom{.id = 15,
                         .name = "Open",
                         .visibility = "open",
                         .last_seq = 9,
                         .member = false,
                         .role = "member",
                         .read_seq = 3,
                         .online = {1}};
const char* const kOpenRoomJson =
    R"({"id": 15, "name": "Open", "topic": "", "visibility": "open", "last_seq": 9,
        "member": false})";

const MemberInfo kAda{1, "Ada", "Omnia", "FI", "owner", true};
const char* const kAdaJson =
    R"({"user": 1, "display_name": "Ada", "institution": "Omnia", "country": "FI",
        "role": "owner", "online": true})";

const MessageInfo kMessage{.seq = 330,
                           .by = 7,
                           .author_name = "Ben",
                           .at = 1767225000000,
                           .text = "...",
                           .lang = "de",
                           .reactions = {{"👍", {1, 9}}}};
const char* const kMessageJson =
    R"({"seq": 330, "by": 7, "author_name": "Ben", "at": 1767225000000, "text": "...",
        "lang": "de", "reply_to": null, "mentions": [], "edited_at": null, "deleted": false,
        "reactions": {"👍": [1, 9]}})";

// Replaces each "$1", "$2"... in `pattern` by parts[0], parts[1]...
std::string fill(std::string pattern, std::initializer_list<const char*> parts) {
  int n = 1;
  for (const char* part : parts) {
    const std::string mark = "$" + std::to_string(n++);
    pattern.replace(pattern.find(mark), mark.size(), part);
  }
  return pattern;
}

TEST_CASE("rooms encode: every server message matches its example", "[encode][rooms]") {
  struct Row {
    std::string encoded;
    const char* type;
    std::string expected;  // JSON; compared as compact text
  };
  const Row rows[] = {
      {encode(Rooms{1, {kRoom}, std::nullopt}), Rooms::kType,
       fill(R"({"type": "rooms", "rid": 1, "rooms": [$1], "next": null})", {kRoomJson})},
      {encode(RoomReply{2, kRoom}), RoomReply::kType,
       fill(R"({"type": "room", "rid": 2, "room": $1})", {kRoomJson})},
      {encode(Left{4, 12}), Left::kType, R"({"type": "left", "rid": 4, "room": 12})"},
      {encode(Members{6, 12, {kAda}, std::nullopt}), Members::kType,
       fill(R"({"type": "members", "rid": 6, "room": 12, "members": [$1], "next": null})",
            {kAdaJson})},
      // The ack of a room event names the room, and its stream (the same id).
      {encode(RoomAck{7, 12, 341, "c-5f1b2"}), RoomAck::kType,
       R"({"type": "ack", "rid": 7, "room": 12, "stream": 12, "seq": 341, "cmid": "c-5f1b2"})"},
      {encode(HistoryReply{11, 12, {kMessage}, true}), HistoryReply::kType,
       fill(R"({"type": "history", "rid": 11, "room": 12, "messages": [$1], "has_more": true})",
            {kMessageJson})},
      {encode(ReadMarker{13, 12, 341, 0, 0}), ReadMarker::kType,
       R"({"type": "read_marker", "rid": 13, "room": 12, "read_seq": 341, "unread": 0,
           "mentions": 0})"},
      // typing and presence carry the stream too.
      {encode(TypingNotice{12, 7, "Ben"}), TypingNotice::kType,
       R"({"type": "typing", "room": 12, "stream": 12, "user": 7, "display_name": "Ben"})"},
      {encode(Presence{12, 7, false}), Presence::kType,
       R"({"type": "presence", "room": 12, "stream": 12, "user": 7, "online": false})"},
      {encode(Presence{12, 7, true}), Presence::kType,
       R"({"type": "presence", "room": 12, "stream": 12, "user": 7, "online": true})"},

      // Pages: `next` is the cursor of the next page, or null on the last.
      {encode(Rooms{1, {kRoom, kOpenRoom}, Cursor{"Open", 15}}), Rooms::kType,
       fill(R"({"type": "rooms", "rid": 1, "rooms": [$1, $2], "next": "15:Open"})",
            {kRoomJson, kOpenRoomJson})},
      {encode(Members{6, 12, {kAda}, Cursor{"Ada", 1}}), Members::kType,
       fill(R"({"type": "members", "rid": 6, "room": 12, "members": [$1], "next": "1:Ada"})",
            {kAdaJson})},
      {encode(Members{6, 12, {}, Cursor{"a:b", 3}}), Members::kType,
       R"({"type": "members", "rid": 6, "room": 12, "members": [], "next": "3:a:b"})"},

      // rid only when set; string rids kept as strings.
      {encode(Left{0, 12}), Left::kType, R"({"type": "left", "rid": 0, "room": 12})"},
      {encode(Left{nullptr, 12}), Left::kType, R"({"type": "left", "room": 12})"},
      {encode(RoomReply{"r-1", kOpenRoom}), RoomReply::kType,
       fill(R"({"type": "room", "rid": "r-1", "room": $1})", {kOpenRoomJson})},
      {encode(RoomAck{"a", 12, 0, "c"}), RoomAck::kType,
       R"({"type": "ack", "rid": "a", "room": 12, "stream": 12, "seq": 0, "cmid": "c"})"},

      // Empty collections stay of their type; non-members see fewer room fields.
      {encode(Rooms{1, {}, std::nullopt}), Rooms::kType,
       R"({"type": "rooms", "rid": 1, "rooms": [], "next": null})"},
      {encode(Members{6, 12, {}, std::nullopt}), Members::kType,
       R"({"type": "members", "rid": 6, "room": 12, "members": [], "next": null})"},
      {encode(HistoryReply{11, 12, {}, false}), HistoryReply::kType,
       R"({"type": "history", "rid": 11, "room": 12, "messages": [], "has_more": false})"},
      {encode(HistoryReply{11,
                           12,
                           {{.seq = 5,
                             .by = 7,
                             .author_name = "Ben",
                             .at = 10,
                             .lang = "de",
                             .reply_to = 4,
                             .mentions = {1, 2},
                             .edited_at = 20,
                             .deleted = true}},
                           false}),
       HistoryReply::kType,
       R"({"type": "history", "rid": 11, "room": 12, "has_more": false, "messages": [
           {"seq": 5, "by": 7, "author_name": "Ben", "at": 10, "text": "", "lang": "de",
            "reply_to": 4, "mentions": [1, 2], "edited_at": 20, "deleted": true,
            "reactions": {}}]})"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.expected, row.encoded);
    const Json expected = Json::parse(row.expected);
    CHECK(expected.at("type") == row.type);
    // nlohmann sorts keys, so its own compact dump of the expected value is the exact text.
    CHECK(row.encoded == expected.dump());
  }
}

// As in v1: an ack without a cmid (edit, delete, react) has no "cmid" field.
TEST_CASE("rooms encode: an ack without a cmid leaves it out", "[encode][rooms]") {
  CHECK(encode(RoomAck{"a", 12, 0, ""}) ==
        Json::parse(R"({"type": "ack", "rid": "a", "room": 12, "stream": 12, "seq": 0})").dump());
}

TEST_CASE("rooms encode: output never contains a raw line feed", "[encode][rooms]") {
  const std::string nasty = "line 1\nline 2\r\n\u2028end\n";
  MessageInfo message{.seq = 1, .author_name = nasty, .text = nasty};
  message.reactions = {{nasty, {1}}};
  const std::string encoded[] = {
      encode(HistoryReply{1, 1, {message}, false}),
      encode(TypingNotice{1, 2, nasty}),
      encode(Members{1, 1, {{.user = 2, .display_name = nasty, .institution = nasty}}, {}}),
      encode(Members{1, 1, {}, Cursor{nasty, 2}}),
      encode(Rooms{1, {{.id = 1, .name = nasty, .topic = nasty}}, Cursor{nasty, 1}}),
      encode(RoomReply{1, {.id = 1, .name = nasty, .topic = nasty}}),
      encode(RoomAck{1, 1, 1, nasty}),
  };
  for (const auto& e : encoded) {
    CAPTURE(e);
    CHECK(e.find('\n') == std::string::npos);
    CHECK(e.find('\r') == std::string::npos);
    // The text survives the round trip.
    CHECK(Json::parse(e).dump().find(R"(line 1\nline 2\r\n)") != std::string::npos);
  }
}

TEST_CASE("rooms encode: invalid UTF-8 in a field is replaced, not thrown", "[encode][rooms]") {
  const std::string bad = "ok \xff\xc3 ok";
  std::string encoded[2];
  REQUIRE_NOTHROW(encoded[0] = encode(TypingNotice{1, 2, bad}));
  REQUIRE_NOTHROW(encoded[1] = encode(Members{1, 1, {{.user = 2, .display_name = bad}}, {}}));
  for (const auto& e : encoded) {
    CAPTURE(e);
    CHECK(valid_utf8(e));
    CHECK(e.find("ok \xef\xbf\xbd") != std::string::npos);  // U+FFFD
  }
}

}  // namespace
}  // namespace praxis::protocol::rooms
