// encode(): every server message of PROTOCOL.md section 2 ("Server -> client"),
// compared with the spec's examples. Table-driven: one row per message.
#include <catch2/catch.hpp>
#include <string>

#include "protocol/codec.hpp"
#include "protocol/utf8.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol {
namespace {

using Json = nlohmann::json;

const UserInfo kAda{.id = 1,
                    .email = "ada@school.example",
                    .display_name = "Ada",
                    .institution = "Omnia",
                    .country = "FI",
                    .languages = {"fi", "en"},
                    .time_zone = "Europe/Helsinki",
                    .role = "admin"};
const char* const kAdaJson =
    R"({"id": 1, "email": "ada@school.example", "display_name": "Ada", "institution": "Omnia",
        "country": "FI", "languages": ["fi", "en"], "time_zone": "Europe/Helsinki",
        "role": "admin"})";

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

std::string type_of(const std::string& encoded) { return Json::parse(encoded).value("type", ""); }

TEST_CASE("encode: every server message matches its PROTOCOL.md example", "[encode]") {
  struct Row {
    ServerMessage message;
    std::string expected;  // JSON; compared as compact text
  };
  Limits small;
  small.max_frame_bytes = 1000;
  small.max_text_chars = 10;
  small.history_page_max = 5;
  UserInfo ben = kAda;
  ben.email.reset();
  ben.role = "member";
  const Row rows[] = {
      // The examples of PROTOCOL.md.
      {Welcome{kAda, Limits{}},
       fill(R"({"type": "welcome", "version": 1, "user": $1, "limits": {"max_frame_bytes": 65536,
                "max_text_chars": 10000, "history_page_max": 100}})",
            {kAdaJson})},
      {Rooms{1, {kRoom}}, fill(R"({"type": "rooms", "rid": 1, "rooms": [$1]})", {kRoomJson})},
      {RoomReply{2, kRoom}, fill(R"({"type": "room", "rid": 2, "room": $1})", {kRoomJson})},
      {Left{4, 12}, R"({"type": "left", "rid": 4, "room": 12})"},
      {Members{6, 12, {{1, "Ada", "Omnia", "FI", "owner", true}}},
       R"({"type": "members", "rid": 6, "room": 12, "members": [{"user": 1, "display_name": "Ada",
           "institution": "Omnia", "country": "FI", "role": "owner", "online": true}]})"},
      {Ack{7, 12, 341, "c-5f1b2"},
       R"({"type": "ack", "rid": 7, "room": 12, "seq": 341, "cmid": "c-5f1b2"})"},
      {EventMessage{{.room = 12,
                     .seq = 341,
                     .kind = "message",
                     .by = 1,
                     .at = 1767225600000,
                     .author_name = "Ada",
                     .text = "Has anyone tried **dual VET** with SMEs?",
                     .lang = "en",
                     .reply_to = 330,
                     .mentions = {7},
                     .cmid = "c-5f1b2"}},
       R"({"type": "event", "room": 12, "seq": 341, "kind": "message", "by": 1,
           "at": 1767225600000, "author_name": "Ada",
           "text": "Has anyone tried **dual VET** with SMEs?", "lang": "en", "reply_to": 330,
           "mentions": [7], "cmid": "c-5f1b2"})"},
      {EventMessage{{.room = 12,
                     .seq = 342,
                     .kind = "edit",
                     .by = 1,
                     .at = 1767225660000,
                     .text = "Has anyone tried dual VET with small firms?",
                     .target = 341}},
       R"({"type": "event", "room": 12, "seq": 342, "kind": "edit", "by": 1, "at": 1767225660000,
           "target": 341, "text": "Has anyone tried dual VET with small firms?"})"},
      {EventMessage{
           {.room = 12, .seq = 343, .kind = "delete", .by = 1, .at = 1767225720000, .target = 341}},
       R"({"type": "event", "room": 12, "seq": 343, "kind": "delete", "by": 1,
           "at": 1767225720000, "target": 341})"},
      {EventMessage{{.room = 12,
                     .seq = 344,
                     .kind = "reaction",
                     .by = 7,
                     .at = 1767225780000,
                     .target = 330,
                     .emoji = "👍",
                     .on = true}},
       R"({"type": "event", "room": 12, "seq": 344, "kind": "reaction", "by": 7,
           "at": 1767225780000, "target": 330, "emoji": "👍", "on": true})"},
      {HistoryReply{11, 12, {kMessage}, true},
       fill(R"({"type": "history", "rid": 11, "room": 12, "messages": [$1], "has_more": true})",
            {kMessageJson})},
      {ReadMarker{13, 12, 341, 0, 0},
       R"({"type": "read_marker", "rid": 13, "room": 12, "read_seq": 341, "unread": 0,
           "mentions": 0})"},
      {TypingNotice{12, 7, "Ben"},
       R"({"type": "typing", "room": 12, "user": 7, "display_name": "Ben"})"},
      {Presence{12, 7, false}, R"({"type": "presence", "room": 12, "user": 7, "online": false})"},
      {Synced{{{12, 344}, {15, 0}}}, R"({"type": "synced", "rooms": {"12": 344, "15": 0}})"},
      {Resync{15, 90000}, R"({"type": "resync", "room": 15, "last_seq": 90000})"},
      {Pong{14}, R"({"type": "pong", "rid": 14})"},
      {ErrorReply{7, {ErrorCode::kForbidden, "not a member of room 12"}},
       R"({"type": "error", "rid": 7, "code": "forbidden", "message": "not a member of room 12"})"},

      // rid only when set; string rids kept as strings.
      {Pong{}, R"({"type": "pong"})"},
      {Pong{"r-1"}, R"({"type": "pong", "rid": "r-1"})"},
      {Left{0, 12}, R"({"type": "left", "rid": 0, "room": 12})"},
      {ErrorReply{nullptr, {ErrorCode::kHelloRequired, "send hello first"}},
       R"({"type": "error", "code": "hello_required", "message": "send hello first"})"},
      {Ack{"a", 12, 0, ""}, R"({"type": "ack", "rid": "a", "room": 12, "seq": 0})"},

      // Empty collections stay of their type; non-members see fewer room fields.
      {Rooms{1, {}}, R"({"type": "rooms", "rid": 1, "rooms": []})"},
      {Rooms{1, {kRoom, kOpenRoom}},
       fill(R"({"type": "rooms", "rid": 1, "rooms": [$1, $2]})", {kRoomJson, kOpenRoomJson})},
      {Members{6, 12, {}}, R"({"type": "members", "rid": 6, "room": 12, "members": []})"},
      {HistoryReply{11, 12, {}, false},
       R"({"type": "history", "rid": 11, "room": 12, "messages": [], "has_more": false})"},
      {Synced{}, R"({"type": "synced", "rooms": {}})"},
      {Welcome{ben, small},
       fill(R"({"type": "welcome", "version": 1, "user": $1, "limits": {"max_frame_bytes": 1000,
                "max_text_chars": 10, "history_page_max": 5}})",
            {R"({"id": 1, "display_name": "Ada", "institution": "Omnia", "country": "FI",
                 "languages": ["fi", "en"], "time_zone": "Europe/Helsinki", "role": "member"})"})},

      // A message event without a reply has "reply_to": null; an edit whose message
      // was deleted later is replayed with "" as its text.
      {EventMessage{{.room = 1,
                     .seq = 2,
                     .kind = "message",
                     .by = 3,
                     .at = 4,
                     .author_name = "A",
                     .text = "t",
                     .lang = "en",
                     .cmid = "c"}},
       R"({"type": "event", "room": 1, "seq": 2, "kind": "message", "by": 3, "at": 4,
           "author_name": "A", "text": "t", "lang": "en", "reply_to": null, "mentions": [],
           "cmid": "c"})"},
      {EventMessage{{.room = 1, .seq = 5, .kind = "edit", .by = 3, .at = 6, .target = 2}},
       R"({"type": "event", "room": 1, "seq": 5, "kind": "edit", "by": 3, "at": 6, "target": 2,
           "text": ""})"},
      {EventMessage{{.room = 1,
                     .seq = 7,
                     .kind = "reaction",
                     .by = 3,
                     .at = 8,
                     .target = 2,
                     .emoji = "+1",
                     .on = false}},
       R"({"type": "event", "room": 1, "seq": 7, "kind": "reaction", "by": 3, "at": 8,
           "target": 2, "emoji": "+1", "on": false})"},
      {HistoryReply{11,
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
                    false},
       R"({"type": "history", "rid": 11, "room": 12, "has_more": false, "messages": [
           {"seq": 5, "by": 7, "author_name": "Ben", "at": 10, "text": "", "lang": "de",
            "reply_to": 4, "mentions": [1, 2], "edited_at": 20, "deleted": true,
            "reactions": {}}]})"},
  };
  for (const auto& row : rows) {
    const std::string encoded = encode(row.message);
    CAPTURE(row.expected, encoded);
    const Json expected = Json::parse(row.expected);
    // Same type and fields, and compact: nlohmann sorts keys, so its own compact
    // dump of the expected value is the exact text.
    CHECK(type_of(encoded) == expected.at("type"));
    CHECK(encoded == expected.dump());
  }
}

TEST_CASE("encode: output never contains a raw line feed", "[encode]") {
  const std::string nasty = "line 1\nline 2\r\n\u2028end\n";
  EventInfo event{.room = 1, .seq = 1, .kind = "message", .by = 1, .author_name = nasty};
  event.text = nasty;
  event.lang = "en";
  MessageInfo message{.seq = 1, .author_name = nasty, .text = nasty};
  message.reactions = {{nasty, {1}}};
  UserInfo user = kAda;
  user.display_name = nasty;
  const ServerMessage messages[] = {
      EventMessage{event},
      HistoryReply{1, 1, {message}, false},
      ErrorReply{nasty, {ErrorCode::kBadField, nasty}},
      TypingNotice{1, 2, nasty},
      Welcome{user, Limits{}},
      Members{1, 1, {{.user = 2, .display_name = nasty, .institution = nasty}}},
      RoomReply{1, {.id = 1, .name = nasty, .topic = nasty}},
      Ack{1, 1, 1, nasty},
  };
  for (const auto& m : messages) {
    const std::string encoded = encode(m);
    CAPTURE(encoded);
    CHECK(encoded.find('\n') == std::string::npos);
    CHECK(encoded.find('\r') == std::string::npos);
    // The text survives the round trip.
    CHECK(Json::parse(encoded).dump().find(R"(line 1\nline 2\r\n)") != std::string::npos);
  }
}

TEST_CASE("encode: invalid UTF-8 in a field is replaced, not thrown", "[encode]") {
  const std::string bad = "ok \xff\xc3 ok";
  const ServerMessage messages[] = {
      TypingNotice{1, 2, bad},
      ErrorReply{nullptr, {ErrorCode::kInternal, bad}},
  };
  for (const auto& m : messages) {
    std::string encoded;
    REQUIRE_NOTHROW(encoded = encode(m));
    CAPTURE(encoded);
    CHECK(valid_utf8(encoded));
    CHECK(encoded.find("ok \xef\xbf\xbd") != std::string::npos);  // U+FFFD
  }
}

TEST_CASE("to_json(UserInfo): email only when set", "[encode]") {
  Json with = kAda;
  CHECK(with == Json::parse(kAdaJson));

  UserInfo other = kAda;
  other.email.reset();
  Json without = other;
  CHECK_FALSE(without.contains("email"));
  CHECK(without.size() == with.size() - 1);

  other.email = "";
  Json empty = other;
  CHECK(empty.at("email") == "");
}

}  // namespace
}  // namespace praxis::protocol
