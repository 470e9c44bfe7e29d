// parse_envelope(): UTF-8, one JSON object, `rid` and `type`, whatever the type;
// dump() and envelope() for the server's side. Table-driven: one row per frame.
#include "protocol/core/envelope.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "../support.hpp"
#include "protocol/core/utf8.hpp"

namespace praxis::protocol {
namespace {

using namespace std::string_view_literals;
using test::outcome;

std::string outcome(const std::variant<Envelope, DecodeError>& p) {
  if (const auto* e = std::get_if<DecodeError>(&p)) return outcome(e->error.code);
  return "type " + std::get<Envelope>(p).type;
}

TEST_CASE("envelope: a well-formed envelope, whatever its type", "[envelope]") {
  struct Row {
    std::string_view frame;
    const char* type;
    Json rid = nullptr;
  };
  const Row rows[] = {
      {R"({"type":"ping","rid":14})", "ping", 14},
      // Any string is a type here: the MessageSet knows which exist.
      {R"({"type":"no_such_type"})", "no_such_type"},
      {R"({"type":""})", ""},
      // rid: an integer of any sign or a string of up to 64 bytes; null is none.
      {R"({"type":"ping","rid":"abc"})", "ping", "abc"},
      {R"({"type":"ping","rid":""})", "ping", ""},
      {R"({"type":"ping","rid":0})", "ping", 0},
      {R"({"type":"ping","rid":-5})", "ping", -5},
      {R"({"type":"ping","rid":9223372036854775807})", "ping", INT64_MAX},
      {R"({"type":"ping","rid":null})", "ping"},
      {R"({"rid":"r1","type":"ping"})", "ping", "r1"},
      // Fields no message defines are ignored (PROTOCOL.md 6).
      {R"({"type":"ping","future":{"x":[1,2]}})", "ping"},
      // Whitespace around the object is fine; a duplicated key keeps its last value.
      {" \r\n\t{\"type\":\"ping\"} \n", "ping"},
      {R"({"type":"pong","type":"ping","rid":1,"rid":2})", "ping", 2},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    const auto parsed = parse_envelope(row.frame);
    REQUIRE(outcome(parsed) == std::string("type ") + row.type);
    const auto& e = std::get<Envelope>(parsed);
    CHECK(e.rid == row.rid);
    CHECK(e.object.is_object());
    CHECK(e.object.at("type") == row.type);
  }
}

TEST_CASE("envelope: refused frames name their error", "[envelope]") {
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
      {"{\"type\":\"ping\",\"rid\":1,\"x\":\"caf\xe9\"}", kBadUtf8},  // Latin-1
      {"{\"type\":\"ping\"}\xc3", kBadUtf8},

      // unknown_type (at the envelope): missing or not a string.
      {"{}", kUnknownType},
      {R"({"rid":1})", kUnknownType, 1},
      {R"({"type":null,"rid":"a"})", kUnknownType, "a"},
      {R"({"type":1,"rid":2})", kUnknownType, 2},
      {R"({"type":true})", kUnknownType},
      {R"({"type":["ping"]})", kUnknownType},
      {R"({"type":{"name":"ping"}})", kUnknownType},
      {R"({"kind":"ping"})", kUnknownType},

      // rid: not an integer or a string of up to 64 bytes.
      {R"({"type":"ping","rid":1.5})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":1e2})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":true})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":[1]})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":{}})", kBadField, nullptr, "rid"},
      {R"({"type":"ping","rid":"12345678901234567890123456789012345678901234567890123456789012345"})",
       kBadField, nullptr, "rid"},
      {R"({"rid":1.5})", kBadField, nullptr, "rid"},  // rid is checked before type
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    const auto parsed = parse_envelope(row.frame);
    REQUIRE(outcome(parsed) == outcome(row.code));
    const auto& e = std::get<DecodeError>(parsed);
    CHECK(e.rid == row.rid);
    CHECK(!e.error.message.empty());
    CHECK_THAT(e.error.message, Catch::Contains(row.names));
    // A MessageSet answers every such frame the same way, whatever it holds.
    const Decoded d = test::core_set().decode(row.frame);
    CHECK(test::outcome(d) == outcome(row.code));
    CHECK(test::rid_of(d) == row.rid);
  }
}

TEST_CASE("envelope: a rid is a string of up to 64 bytes, not characters", "[envelope]") {
  struct Row {
    std::string rid;
    bool ok;
  };
  const Row rows[] = {
      {test::repeat("r", 64), true},
      {test::repeat("r", 65), false},
      {test::repeat("\xc3\xa9", 32), true},
      {test::repeat("\xc3\xa9", 32) + "r", false},
      {test::repeat("\xf0\x9f\x98\x80", 16), true},
  };
  for (const auto& row : rows) {
    const Json frame = {{"type", "ping"}, {"rid", row.rid}};
    CAPTURE(frame.dump());
    const auto parsed = parse_envelope(frame.dump());
    CHECK(outcome(parsed) == (row.ok ? "type ping" : "bad_field"));
  }
}

TEST_CASE("envelope: envelope() writes type, and rid unless null", "[envelope]") {
  CHECK(envelope("pong") == Json::parse(R"({"type": "pong"})"));
  CHECK(envelope("pong", nullptr) == Json::parse(R"({"type": "pong"})"));
  CHECK(envelope("pong", 0) == Json::parse(R"({"type": "pong", "rid": 0})"));
  CHECK(envelope("pong", "") == Json::parse(R"({"type": "pong", "rid": ""})"));
  CHECK(envelope("pong", "r-1") == Json::parse(R"({"type": "pong", "rid": "r-1"})"));
}

TEST_CASE("envelope: dump() is compact, one line, and never throws on bad UTF-8", "[envelope]") {
  const Json j = {{"b",
                   "line 1\nline 2\r\n\xe2\x80\xa8"
                   "end"},
                  {"a", Json::array({1, 2})}};
  const std::string out = dump(j);
  CHECK(out == R"({"a":[1,2],"b":"line 1\nline 2\r\n)"
               "\xe2\x80\xa8"
               R"(end"})");
  CHECK(out.find('\n') == std::string::npos);
  CHECK(out.find('\r') == std::string::npos);

  std::string bad;
  REQUIRE_NOTHROW(bad = dump(Json{{"x", "ok \xff\xc3 ok"}}));
  CHECK(valid_utf8(bad));
  CHECK(bad.find("ok \xef\xbf\xbd") != std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace praxis::protocol
