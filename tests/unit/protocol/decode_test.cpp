// decode_client(): every client message of PROTOCOL.md section 2, and every way a
// frame can be refused. Table-driven: one row per frame.
#include <catch2/catch.hpp>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/codec.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol {
namespace {

using Json = nlohmann::json;
using namespace std::string_view_literals;

constexpr const char* kTypeNames[] = {"Hello",     "RoomsList",  "RoomCreate",  "RoomJoin",
                                      "RoomLeave", "RoomInvite", "RoomMembers", "Post",
                                      "Edit",      "Delete",     "React",       "History",
                                      "Read",      "Typing",     "Ping"};
static_assert(std::size(kTypeNames) == std::variant_size_v<ClientMessage>);

std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += unit;
  return s;
}

// The outcome of one decode, as text Catch can print and compare: the error
// code, or the decoded message's type.
std::string outcome(const Decoded& d) {
  if (const auto* e = std::get_if<DecodeError>(&d)) return std::string(to_string(e->error.code));
  return kTypeNames[std::get<Request>(d).message.index()];
}

std::string outcome(const ClientMessage& m) { return kTypeNames[m.index()]; }
std::string outcome(ErrorCode code) { return std::string(to_string(code)); }

Json rid_of(const Decoded& d) {
  if (const auto* e = std::get_if<DecodeError>(&d)) return e->rid;
  return std::get<Request>(d).rid;
}

TEST_CASE("decode_client: every valid example decodes to its struct", "[decode]") {
  struct Row {
    const char* frame;
    ClientMessage message;
    Json rid = nullptr;
  };
  const Row rows[] = {
      // The examples of PROTOCOL.md, verbatim.
      {R"({"type": "hello", "version": 1, "resume": {"12": 340, "15": 0}})",
       Hello{.version = 1, .resume = {{12, 340}, {15, 0}}}},
      {R"({"type": "rooms_list", "rid": 1})", RoomsList{}, 1},
      {R"({"type": "room_create", "rid": 2, "name": "Work-based learning", "visibility": "open",
           "topic": "Apprenticeship schemes that worked"})",
       RoomCreate{.name = "Work-based learning",
                  .is_private = false,
                  .topic = "Apprenticeship schemes that worked"},
       2},
      {R"({"type": "room_join", "rid": 3, "room": 12})", RoomJoin{12}, 3},
      {R"({"type": "room_leave", "rid": 4, "room": 12})", RoomLeave{12}, 4},
      {R"({"type": "room_invite", "rid": 5, "room": 12, "user": 7})", RoomInvite{12, 7}, 5},
      {R"({"type": "room_members", "rid": 6, "room": 12})", RoomMembers{12}, 6},
      {R"({"type": "post", "rid": 7, "room": 12, "cmid": "c-5f1b2",
           "text": "Has anyone tried **dual VET** with SMEs?", "lang": "en", "reply_to": 330,
           "mentions": [7]})",
       Post{.room = 12,
            .text = "Has anyone tried **dual VET** with SMEs?",
            .lang = "en",
            .cmid = "c-5f1b2",
            .reply_to = 330,
            .mentions = {7}},
       7},
      {R"({"type": "edit", "rid": 8, "room": 12, "target": 341,
           "text": "Has anyone tried dual VET with small firms?"})",
       Edit{12, 341, "Has anyone tried dual VET with small firms?"}, 8},
      {R"({"type": "delete", "rid": 9, "room": 12, "target": 341})", Delete{12, 341}, 9},
      {R"({"type": "react", "rid": 10, "room": 12, "target": 341, "emoji": "👍", "on": true})",
       React{12, 341, "👍", true}, 10},
      {R"({"type": "history", "rid": 11, "room": 12, "before": 341, "limit": 50})",
       History{.room = 12, .before = 341, .limit = 50}, 11},
      {R"({"type": "history", "rid": 12, "room": 12, "after": 100, "limit": 50})",
       History{.room = 12, .after = 100, .limit = 50}, 12},
      {R"({"type": "read", "rid": 13, "room": 12, "seq": 341})", Read{12, 341}, 13},
      {R"({"type": "typing", "room": 12})", Typing{12}},
      {R"({"type": "ping", "rid": 14})", Ping{}, 14},

      // Optional fields left out, or null (the same as absent).
      {R"({"type":"hello","version":1})", Hello{.version = 1}},
      {R"({"type":"hello","version":1,"resume":{}})", Hello{.version = 1}},
      {R"({"type":"hello","version":1,"resume":null})", Hello{.version = 1}},
      // A version other than 1 still decodes: the server answers version_mismatch.
      {R"({"type":"hello","version":2})", Hello{.version = 2}},
      {R"({"type":"hello","version":0})", Hello{.version = 0}},
      {R"({"type":"hello","version":1,"resume":{"9223372036854775807":9223372036854775807}})",
       Hello{.version = 1, .resume = {{INT64_MAX, INT64_MAX}}}},
      {R"({"type":"room_create","name":"x","visibility":"private"})",
       RoomCreate{.name = "x", .is_private = true}},
      {R"({"type":"room_create","name":"x","visibility":"open","topic":""})",
       RoomCreate{.name = "x"}},
      {R"({"type":"post","room":1,"text":"a","lang":"de-AT"})",
       Post{.room = 1, .text = "a", .lang = "de-AT"}},
      {R"({"type":"post","room":1,"text":"a","lang":"en","cmid":null,"reply_to":null,"mentions":null})",
       Post{.room = 1, .text = "a", .lang = "en"}},
      {R"({"type":"post","room":1,"text":"a\nb","lang":"en","mentions":[]})",
       Post{.room = 1, .text = "a\nb", .lang = "en"}},
      {R"({"type":"post","room":1,"text":"\u00e9\ud83d\ude00","lang":"en"})",
       Post{.room = 1, .text = "é😀", .lang = "en"}},
      {R"({"type":"react","room":1,"target":2,"emoji":"+1","on":false})", React{1, 2, "+1", false}},
      {R"({"type":"history","room":12})", History{.room = 12, .limit = 50}},
      {R"({"type":"history","room":12,"after":0})", History{.room = 12, .after = 0, .limit = 50}},
      {R"({"type":"history","room":12,"before":null,"after":5})",
       History{.room = 12, .after = 5, .limit = 50}},
      {R"({"type":"history","room":12,"limit":1})", History{.room = 12, .limit = 1}},
      {R"({"type":"history","room":12,"limit":100})", History{.room = 12, .limit = 100}},
      {R"({"type":"history","room":12,"limit":101})", History{.room = 12, .limit = 100}},
      {R"({"type":"history","room":12,"limit":9223372036854775807})",
       History{.room = 12, .limit = 100}},
      {R"({"type":"read","room":12,"seq":0})", Read{12, 0}},
      {R"({"type":"room_join","room":9223372036854775807})", RoomJoin{INT64_MAX}},

      // rid: an integer of any sign or a string of up to 64 bytes; null is none.
      {R"({"type":"ping","rid":"abc"})", Ping{}, "abc"},
      {R"({"type":"ping","rid":""})", Ping{}, ""},
      {R"({"type":"ping","rid":0})", Ping{}, 0},
      {R"({"type":"ping","rid":-5})", Ping{}, -5},
      {R"({"type":"ping","rid":null})", Ping{}},
      {R"({"rid":"r1","type":"ping"})", Ping{}, "r1"},

      // Fields no message defines are ignored (PROTOCOL.md 6).
      {R"({"type":"ping","future":{"x":[1,2]}})", Ping{}},
      {R"({"type":"typing","room":3,"room_name":"x"})", Typing{3}},
      // Whitespace around the object is fine; a duplicated key keeps its last value.
      {" \r\n\t{\"type\":\"ping\"} \n", Ping{}},
      {R"({"type":"room_join","room":1,"room":2})", RoomJoin{2}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    const Decoded d = decode_client(row.frame, Limits{});
    REQUIRE(outcome(d) == outcome(row.message));
    const auto& request = std::get<Request>(d);
    CHECK(request.message == row.message);
    CHECK(request.rid == row.rid);
  }
}

TEST_CASE("decode_client: refused frames name their error", "[decode]") {
  struct Row {
    std::string_view frame;
    ErrorCode code;
    Json rid = nullptr;      // echoed when the frame's rid could be read
    const char* names = "";  // the message names the field
  };
  const auto kBadJson = ErrorCode::kBadJson;
  const auto kBadUtf8 = ErrorCode::kBadUtf8;
  const auto kUnknownType = ErrorCode::kUnknownType;
  const auto kBadField = ErrorCode::kBadField;
  const Row rows[] = {
      // bad_json: not JSON, or JSON but not an object.
      {"", kBadJson},
      {" ", kBadJson},
      {"garbage", kBadJson},
      {"ping", kBadJson},
      {"[]", kBadJson},
      {R"([{"type":"ping"}])", kBadJson},
      {"42", kBadJson},
      {"-1.5e3", kBadJson},
      {R"("ping")", kBadJson},
      {"null", kBadJson},
      {"true", kBadJson},
      {"{", kBadJson},
      {R"({"type":"ping")", kBadJson},
      {R"({"type":"ping","rid":1)", kBadJson},
      {R"({"type":"pi)", kBadJson},
      {R"({"type":"ping"}})", kBadJson},
      {R"({"type":"ping"}{"type":"ping"})", kBadJson},
      {"{\"type\":\"ping\"}\n{\"type\":\"ping\"}", kBadJson},
      {R"({"type":"ping",})", kBadJson},
      {R"({'type':'ping'})", kBadJson},
      {R"({type:"ping"})", kBadJson},
      {R"({"type":"ping","rid":01})", kBadJson},
      {R"({"type":"ping","x":NaN})", kBadJson},
      {R"({"type":"ping"} // comment)", kBadJson},
      {"{\"type\":\"ping\",\"x\":\"a\tb\"}", kBadJson},  // raw control character
      {R"({"type":"ping","x":"\ud800"})", kBadJson},     // lone surrogate escapes
      {R"({"type":"ping","x":"\udc00"})", kBadJson},
      {R"({"type":"ping","x":"\ud800\u0041"})", kBadJson},
      {R"({"type":"ping","x":"\x41"})", kBadJson},
      {"{\"type\":\"ping\"}\0"sv, kBadJson},
      {"{\"type\":\"ping\",\"x\":\"a\0b\"}"sv, kBadJson},

      // bad_utf8: the frame's bytes, wherever they are; the rid cannot be trusted.
      {"\xff", kBadUtf8},
      {"\xfe\xff{}", kBadUtf8},
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\x80\"}", kBadUtf8},          // lone continuation
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xc3\"}", kBadUtf8},          // truncated 2-byte
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xe2\x82\"}", kBadUtf8},      // truncated 3-byte
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xf0\x9f\x98\"}", kBadUtf8},  // truncated 4-byte
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xc0\xaf\"}", kBadUtf8},      // overlong '/'
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xc1\xbf\"}", kBadUtf8},      // overlong
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xe0\x80\xaf\"}", kBadUtf8},  // overlong
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xf0\x80\x80\xaf\"}", kBadUtf8},
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xed\xa0\x80\"}", kBadUtf8},      // U+D800
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xed\xbf\xbf\"}", kBadUtf8},      // U+DFFF
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xf4\x90\x80\x80\"}", kBadUtf8},  // > U+10FFFF
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"\xf8\x88\x80\x80\x80\"}", kBadUtf8},
      {"{\"type\":\"post\",\"rid\":1,\"room\":1,\"text\":\"caf\xe9\",\"lang\":\"fr\"}",
       kBadUtf8},  // Latin-1
      {"{\"type\":\"ping\"}\xc3", kBadUtf8},

      // unknown_type: missing, not a string, or not a client message type.
      {"{}", kUnknownType},
      {R"({"rid":1})", kUnknownType, 1},
      {R"({"type":null,"rid":"a"})", kUnknownType, "a"},
      {R"({"type":1,"rid":2})", kUnknownType, 2},
      {R"({"type":true})", kUnknownType},
      {R"({"type":["ping"]})", kUnknownType},
      {R"({"type":{"name":"ping"}})", kUnknownType},
      {R"({"type":"","rid":3})", kUnknownType, 3},
      {R"({"type":"PING"})", kUnknownType},
      {R"({"type":"ping "})", kUnknownType},
      {R"({"type":"pong"})", kUnknownType},
      {R"({"type":"welcome"})", kUnknownType},
      {R"({"type":"error"})", kUnknownType},
      {R"({"type":"event"})", kUnknownType},
      {R"({"type":"rooms"})", kUnknownType},
      {R"({"type":"decoders"})", kUnknownType},
      {R"({"kind":"ping"})", kUnknownType},

      // rid: not an integer or a string of up to 64 bytes.
      {R"({"type":"ping","rid":1.5})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":1e2})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":true})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":[1]})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":{}})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":"12345678901234567890123456789012345678901234567890123456789012345"})",
       kBadField, nullptr, "rid"},

      // history: before and after together.
      {R"({"type":"history","rid":11,"room":12,"before":341,"after":100})", kBadField, 11,
       "before"},
      {R"({"type":"history","rid":11,"room":12,"after":100,"before":341,"limit":5})", kBadField, 11,
       "before"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    const Decoded d = decode_client(row.frame, Limits{});
    REQUIRE(outcome(d) == outcome(row.code));
    const auto& e = std::get<DecodeError>(d);
    CHECK(e.rid == row.rid);
    CHECK(!e.error.message.empty());
    CHECK_THAT(e.error.message, Catch::Contains(row.names));
  }
}

TEST_CASE("decode_client: every field, missing or of a wrong type or value", "[decode]") {
  // What a field holds, and the values that are not that.
  enum Kind { kId, kCount, kText, kOptionalText, kBool, kIds, kVisibility, kLang, kResume };
  const auto not_integer = {Json("12"),
                            Json(12.0),
                            Json(12.5),
                            Json::parse("1e1"),
                            Json(true),
                            Json::array({12}),
                            Json::object({{"id", 12}}),
                            Json(-12),
                            Json::parse("9223372036854775808"),
                            Json::parse("18446744073709551615"),
                            Json::parse("18446744073709551616")};
  const auto not_string = {Json(5), Json(true), Json::array({"x"}), Json::object({{"x", "y"}})};
  auto bad_values = [&](Kind kind) {
    std::vector<Json> v;
    switch (kind) {
      case kId:
        v = not_integer;
        v.push_back(0);
        break;
      case kCount:
        v = not_integer;
        break;
      case kText:
        v = not_string;
        v.push_back("");
        break;
      case kOptionalText:
        v = not_string;
        break;
      case kBool:
        v = {"true", 1, 0, Json::array({true})};
        break;
      case kIds:
        v = {7,
             "7",
             Json::object({{"7", true}}),
             Json::parse(R"(["7"])"),
             Json::parse("[0]"),
             Json::parse("[7,-7]"),
             Json::parse("[7.5]"),
             Json::parse("[null]"),
             Json::parse("[true]"),
             Json::parse("[[7]]")};
        break;
      case kVisibility:
        v = not_string;
        v.insert(v.end(), {"", "public", "Open", "open "});
        break;
      case kLang:
        v = not_string;
        v.insert(v.end(),
                 {"", "en US", "en_US", "-en", "en-", "en--US", "fr-abcdefghi", "1en", "\u00e9n"});
        break;
      case kResume:
        v = {Json::array(), Json::parse("[[12,1]]"), "12:1", 12};
        // Keys: decimal room ids > 0 in their one spelling; values: seqs >= 0.
        for (const char* key : {"", "a", "12a", "0", "-12", "+12", " 12", "12 ", "012", "1.5",
                                "1e3", "0x1f", "9223372036854775808", "99999999999999999999"}) {
          v.push_back(Json::object({{key, 1}}));
        }
        for (const auto& seq : not_integer) v.push_back(Json::object({{"12", seq}}));
        v.push_back(Json::object({{"12", nullptr}}));
        break;
    }
    return v;
  };

  struct Row {
    const char* frame;  // valid, with rid 1
    const char* field;
    Kind kind;
    bool required;
  };
  const char* hello = R"({"type":"hello","rid":1,"version":1,"resume":{"12":1}})";
  const char* create =
      R"({"type":"room_create","rid":1,"name":"n","visibility":"open","topic":"t"})";
  const char* invite = R"({"type":"room_invite","rid":1,"room":12,"user":7})";
  const char* post =
      R"({"type":"post","rid":1,"room":12,"text":"a","lang":"en","cmid":"c","reply_to":3,"mentions":[7]})";
  const char* edit = R"({"type":"edit","rid":1,"room":12,"target":3,"text":"a"})";
  const char* del = R"({"type":"delete","rid":1,"room":12,"target":3})";
  const char* react = R"({"type":"react","rid":1,"room":12,"target":3,"emoji":"x","on":true})";
  const char* before = R"({"type":"history","rid":1,"room":12,"before":3,"limit":5})";
  const char* after = R"({"type":"history","rid":1,"room":12,"after":3})";
  const char* read = R"({"type":"read","rid":1,"room":12,"seq":3})";
  const Row rows[] = {
      {hello, "version", kCount, true},
      {hello, "resume", kResume, false},
      {create, "name", kText, true},
      {create, "visibility", kVisibility, true},
      {create, "topic", kOptionalText, false},
      {R"({"type":"room_join","rid":1,"room":12})", "room", kId, true},
      {R"({"type":"room_leave","rid":1,"room":12})", "room", kId, true},
      {invite, "room", kId, true},
      {invite, "user", kId, true},
      {R"({"type":"room_members","rid":1,"room":12})", "room", kId, true},
      {post, "room", kId, true},
      {post, "text", kText, true},
      {post, "lang", kLang, true},
      {post, "cmid", kOptionalText, false},
      {post, "reply_to", kId, false},
      {post, "mentions", kIds, false},
      {edit, "room", kId, true},
      {edit, "target", kId, true},
      {edit, "text", kText, true},
      {del, "room", kId, true},
      {del, "target", kId, true},
      {react, "room", kId, true},
      {react, "target", kId, true},
      {react, "emoji", kText, true},
      {react, "on", kBool, true},
      {before, "room", kId, true},
      {before, "before", kId, false},
      {before, "limit", kId, false},
      {after, "after", kCount, false},
      {read, "room", kId, true},
      {read, "seq", kCount, true},
      {R"({"type":"typing","rid":1,"room":12})", "room", kId, true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame, row.field);
    const std::string valid = outcome(decode_client(row.frame, Limits{}));
    REQUIRE(valid != "bad_field");
    const auto with = [&](const std::optional<Json>& value) {
      Json j = Json::parse(row.frame);
      value ? void(j[row.field] = *value) : void(j.erase(row.field));
      return j.dump();
    };
    // Left out or null: refused if required, else accepted. Any bad value: refused.
    const std::string absent = row.required ? "bad_field" : valid;
    std::vector<std::pair<std::string, std::string>> cases = {{with(std::nullopt), absent},
                                                              {with(nullptr), absent}};
    for (const auto& value : bad_values(row.kind)) cases.emplace_back(with(value), "bad_field");
    for (const auto& [frame, expected] : cases) {
      CAPTURE(frame);
      const Decoded d = decode_client(frame, Limits{});
      CHECK(outcome(d) == expected);
      if (expected == "bad_field") {
        CHECK_THAT(std::get<DecodeError>(d).error.message, Catch::Contains(row.field));
      }
      CHECK(rid_of(d) == 1);
    }
  }
}

TEST_CASE("decode_client: lengths are checked at their edges", "[decode]") {
  // Each row sets one field of a valid frame; length limits count code points
  // (characters) or bytes as PROTOCOL.md says.
  struct Row {
    const char* frame;
    const char* field;
    Json value;
    std::optional<ErrorCode> code;  // nullopt: accepted
  };
  const char* post = R"({"type":"post","room":1,"text":"a","lang":"en"})";
  const char* edit = R"({"type":"edit","room":1,"target":2,"text":"a"})";
  const char* create = R"({"type":"room_create","name":"x","visibility":"open"})";
  const char* react = R"({"type":"react","room":1,"target":2,"emoji":"x","on":true})";
  const char* ping = R"({"type":"ping"})";
  const auto too_long = ErrorCode::kTextTooLong;
  const auto bad = ErrorCode::kBadField;
  const Row rows[] = {
      // text: 1..max_text_chars code points, over that text_too_long.
      {post, "text", repeat("a", 10000), std::nullopt},
      {post, "text", repeat("a", 10001), too_long},
      {post, "text", repeat("\xc3\xa9", 10000), std::nullopt},  // é: 2 bytes
      {post, "text", repeat("\xc3\xa9", 10001), too_long},
      {post, "text", repeat("\xe2\x82\xac", 10000), std::nullopt},  // €: 3 bytes
      {post, "text", repeat("\xe2\x82\xac", 10001), too_long},
      {post, "text", repeat("\xf0\x9f\x98\x80", 10000), std::nullopt},  // 😀: 4 bytes
      {post, "text", repeat("\xf0\x9f\x98\x80", 10001), too_long},
      {post, "text", repeat("\n", 10000), std::nullopt},
      {post, "text", "a" + repeat("\xf0\x9f\x98\x80", 9999), std::nullopt},
      {post, "text", "ab" + repeat("\xf0\x9f\x98\x80", 9999), too_long},
      {post, "text", "", bad},
      {edit, "text", repeat("\xf0\x9f\x98\x80", 10000), std::nullopt},
      {edit, "text", repeat("\xf0\x9f\x98\x80", 10001), too_long},
      {edit, "text", repeat("a", 10001), too_long},
      {edit, "text", "", bad},
      // name 1..100 characters, topic up to 500.
      {create, "name", repeat("\xc3\xa9", 100), std::nullopt},
      {create, "name", repeat("\xc3\xa9", 101), bad},
      {create, "name", repeat("a", 101), bad},
      {create, "topic", repeat("\xf0\x9f\x98\x80", 500), std::nullopt},
      {create, "topic", repeat("\xf0\x9f\x98\x80", 501), bad},
      // lang: a BCP 47 tag of up to 35 bytes.
      {post, "lang", "abcdefgh-abcdefg-abcdefg-abcdefg-ab", std::nullopt},
      {post, "lang", "abcdefgh-abcdefg-abcdefg-abcdefg-abc", bad},
      // cmid up to 64 bytes.
      {post, "cmid", repeat("c", 64), std::nullopt},
      {post, "cmid", repeat("c", 65), bad},
      {post, "cmid", repeat("\xc3\xa9", 32), std::nullopt},
      {post, "cmid", repeat("\xc3\xa9", 32) + "c", bad},
      // mentions: up to kMaxMentions ids.
      {post, "mentions", std::vector<int>(kMaxMentions, 7), std::nullopt},
      {post, "mentions", std::vector<int>(kMaxMentions + 1, 7), bad},
      // emoji 1..32 bytes.
      {react, "emoji", repeat("x", 32), std::nullopt},
      {react, "emoji", repeat("x", 33), bad},
      {react, "emoji", repeat("\xf0\x9f\x91\x8d", 8), std::nullopt},  // 👍 x8 = 32 bytes
      {react, "emoji", repeat("\xf0\x9f\x91\x8d", 8) + "x", bad},
      // rid: a string of up to 64 bytes.
      {ping, "rid", repeat("r", 64), std::nullopt},
      {ping, "rid", repeat("r", 65), bad},
      {ping, "rid", repeat("\xc3\xa9", 32), std::nullopt},
      {ping, "rid", repeat("\xc3\xa9", 32) + "r", bad},
  };
  for (const auto& row : rows) {
    Json j = Json::parse(row.frame);
    j[row.field] = row.value;
    const std::string frame = j.dump();
    CAPTURE(row.frame, row.field, row.value.dump().size());
    const Decoded d = decode_client(frame, Limits{});
    if (row.code) {
      REQUIRE(outcome(d) == outcome(*row.code));
      CHECK_THAT(std::get<DecodeError>(d).error.message, Catch::Contains(row.field));
    } else {
      REQUIRE(std::holds_alternative<Request>(d));
    }
  }
}

TEST_CASE("decode_client: the resume map is bounded", "[decode]") {
  Json resume = Json::object();
  for (std::size_t i = 1; i <= kMaxResumeRooms; ++i) resume[std::to_string(i)] = i;
  Json j = {{"type", "hello"}, {"version", 1}, {"resume", resume}};
  const Decoded full = decode_client(j.dump(), Limits{});
  REQUIRE(std::holds_alternative<Request>(full));
  const auto& hello = std::get<Hello>(std::get<Request>(full).message);
  CHECK(hello.resume.size() == kMaxResumeRooms);
  CHECK(hello.resume.at(kMaxResumeRooms) == static_cast<Seq>(kMaxResumeRooms));

  j["resume"][std::to_string(kMaxResumeRooms + 1)] = 0;
  CHECK(outcome(decode_client(j.dump(), Limits{})) == "bad_field");
}

TEST_CASE("decode_client: the decoder's limits come from Limits", "[decode]") {
  Limits limits;
  limits.max_text_chars = 3;
  limits.history_page_max = 20;
  struct Row {
    const char* frame;
    const char* expected;  // the outcome
  };
  const Row rows[] = {
      {R"({"type":"post","room":1,"text":"\u00e9\u00e9\u00e9","lang":"en"})", "Post"},
      {R"({"type":"post","room":1,"text":"\u00e9\u00e9\u00e9\u00e9","lang":"en"})",
       "text_too_long"},
      {R"({"type":"edit","room":1,"target":1,"text":"abc"})", "Edit"},
      {R"({"type":"edit","room":1,"target":1,"text":"abcd"})", "text_too_long"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    CHECK(outcome(decode_client(row.frame, limits)) == row.expected);
  }

  // history: limit clamped to history_page_max, the default (50) included.
  struct LimitRow {
    const char* frame;
    std::int64_t limit;
  };
  const LimitRow limit_rows[] = {
      {R"({"type":"history","room":1})", 20},
      {R"({"type":"history","room":1,"limit":19})", 19},
      {R"({"type":"history","room":1,"limit":20})", 20},
      {R"({"type":"history","room":1,"limit":21})", 20},
      {R"({"type":"history","room":1,"before":9,"limit":1000})", 20},
  };
  for (const auto& row : limit_rows) {
    CAPTURE(row.frame);
    const Decoded d = decode_client(row.frame, limits);
    REQUIRE(outcome(d) == "History");
    CHECK(std::get<History>(std::get<Request>(d).message).limit == row.limit);
  }
}

TEST_CASE("decode_client: a huge version never reads as the current one", "[decode]") {
  // 2^32 + 1 truncated to int would be 1.
  const char* frames[] = {
      R"({"type":"hello","version":4294967297})",
      R"({"type":"hello","version":9223372036854775807})",
  };
  for (const char* frame : frames) {
    CAPTURE(frame);
    const Decoded d = decode_client(frame, Limits{});
    REQUIRE(outcome(d) == "Hello");
    CHECK(std::get<Hello>(std::get<Request>(d).message).version != kProtocolVersion);
  }
}

TEST_CASE("decode_client: rid is echoed from a frame refused for a field", "[decode]") {
  const Json rids[] = {0, 7, -7, INT64_MAX, "", "r-1", "\xf0\x9f\x98\x80", std::string(64, 'r')};
  for (const auto& rid : rids) {
    Json j = {{"type", "room_join"}, {"rid", rid}, {"room", "nope"}};
    CAPTURE(j.dump());
    const Decoded d = decode_client(j.dump(), Limits{});
    REQUIRE(outcome(d) == "bad_field");
    CHECK(rid_of(d) == rid);
  }
}

}  // namespace
}  // namespace praxis::protocol
