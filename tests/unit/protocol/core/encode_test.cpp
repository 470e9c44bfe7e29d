// The core's server messages (welcome, ack, subscribed, unsubscribed, synced,
// resync, pong, error) as encode() writes them, and event frames spliced from
// stored bodies. Table-driven: one row per message.
#include "protocol/core/messages.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "protocol/core/utf8.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol {
namespace {

const char* const kUser =
    R"({"id": 1, "display_name": "Ada", "institution": "Omnia", "country": "FI",
        "languages": ["fi", "en"], "time_zone": "Europe/Helsinki", "role": "admin"})";

TEST_CASE("core encode: every server message, compact, as documented", "[encode][core]") {
  struct Row {
    std::string encoded;
    const char* type;
    const char* expected;  // JSON; compared as compact text
  };
  const Json user = Json::parse(kUser);
  const Json limits = {{"max_frame_bytes", 65536},
                       {"max_text_chars", 10000},
                       {"history_page_max", 100},
                       {"list_page_max", 200}};
  const Row rows[] = {
      {encode(Welcome{user, limits}), "welcome",
       R"({"type": "welcome", "version": 1,
           "user": {"id": 1, "display_name": "Ada", "institution": "Omnia", "country": "FI",
                    "languages": ["fi", "en"], "time_zone": "Europe/Helsinki", "role": "admin"},
           "limits": {"max_frame_bytes": 65536, "max_text_chars": 10000, "history_page_max": 100,
                      "list_page_max": 200}})"},
      // No limits given: an empty object, never null.
      {encode(Welcome{{{"id", 2}}, nullptr}), "welcome",
       R"({"type": "welcome", "version": 1, "user": {"id": 2}, "limits": {}})"},
      {encode(Welcome{{{"id", 2}}, Json::object({{"max_frame_bytes", 1000}})}), "welcome",
       R"({"type": "welcome", "version": 1, "user": {"id": 2}, "limits": {"max_frame_bytes": 1000}})"},

      {encode(Ack{7, 12, 341}), "ack", R"({"type": "ack", "rid": 7, "stream": 12, "seq": 341})"},
      {encode(Ack{nullptr, 12, 0}), "ack", R"({"type": "ack", "stream": 12, "seq": 0})"},
      {encode(Subscribed{1, 12, 340}), "subscribed",
       R"({"type": "subscribed", "rid": 1, "stream": 12, "seq": 340})"},
      {encode(Subscribed{"s", 12, 0}), "subscribed",
       R"({"type": "subscribed", "rid": "s", "stream": 12, "seq": 0})"},
      {encode(Unsubscribed{2, 12}), "unsubscribed",
       R"({"type": "unsubscribed", "rid": 2, "stream": 12})"},
      {encode(Unsubscribed{nullptr, 12}), "unsubscribed",
       R"({"type": "unsubscribed", "stream": 12})"},

      // synced: each stream's last seq, keyed by stream id.
      {encode(Synced{{{12, 344}, {15, 0}}}), "synced",
       R"({"type": "synced", "streams": {"12": 344, "15": 0}})"},
      {encode(Synced{{{INT64_MAX, INT64_MAX}}}), "synced",
       R"({"type": "synced", "streams": {"9223372036854775807": 9223372036854775807}})"},
      {encode(Synced{}), "synced", R"({"type": "synced", "streams": {}})"},
      // resync: the stream, and its id again under the feature's alias (v1 clients read it).
      {encode(Resync{15, 90000, "room"}), "resync",
       R"({"type": "resync", "stream": 15, "last_seq": 90000, "room": 15})"},
      {encode(Resync{15, 90000, ""}), "resync",
       R"({"type": "resync", "stream": 15, "last_seq": 90000})"},
      {encode(Resync{.stream = 3}), "resync", R"({"type": "resync", "stream": 3, "last_seq": 0})"},

      // rid only when set; string rids kept as strings.
      {encode(Pong{14}), "pong", R"({"type": "pong", "rid": 14})"},
      {encode(Pong{}), "pong", R"({"type": "pong"})"},
      {encode(Pong{"r-1"}), "pong", R"({"type": "pong", "rid": "r-1"})"},
      {encode(Pong{0}), "pong", R"({"type": "pong", "rid": 0})"},
      {encode(ErrorReply{7, {ErrorCode::kForbidden, "not a member of room 12"}}), "error",
       R"({"type": "error", "rid": 7, "code": "forbidden", "message": "not a member of room 12"})"},
      {encode(ErrorReply{nullptr, {ErrorCode::kHelloRequired, "send hello first"}}), "error",
       R"({"type": "error", "code": "hello_required", "message": "send hello first"})"},
      {encode(ErrorReply{"u", {ErrorCode::kUnavailable, "try again later"}}), "error",
       R"({"type": "error", "rid": "u", "code": "unavailable", "message": "try again later"})"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.expected, row.encoded);
    const Json expected = Json::parse(row.expected);
    CHECK(expected.at("type") == row.type);
    // nlohmann sorts keys, so its own compact dump of the expected value is the exact text.
    CHECK(row.encoded == expected.dump());
  }
  CHECK(Welcome::kType == std::string_view("welcome"));
  CHECK(Synced::kType == std::string_view("synced"));
  CHECK(Resync::kType == std::string_view("resync"));
}

TEST_CASE("core encode: event_frame splices a stored body after type, stream and seq",
          "[encode][core]") {
  struct Row {
    Id stream;
    Seq seq;
    std::string_view body;
    const char* expected;  // exact text
  };
  const Row rows[] = {
      {12, 341, R"({"kind":"message","text":"hi"})",
       R"({"type":"event","stream":12,"seq":341,"kind":"message","text":"hi"})"},
      // An empty body adds nothing (no dangling comma).
      {1, 1, "{}", R"({"type":"event","stream":1,"seq":1})"},
      {1, 2, R"({"a":1})", R"({"type":"event","stream":1,"seq":2,"a":1})"},
      // Nested objects and braces inside strings are copied as they are.
      {1, 3, R"({"a":{}})", R"({"type":"event","stream":1,"seq":3,"a":{}})"},
      {1, 4, R"({"x":"}{","y":[{}]})", R"({"type":"event","stream":1,"seq":4,"x":"}{","y":[{}]})"},
      {1, 5, R"({"t":"line\nbreak \u00e9"})",
       R"({"type":"event","stream":1,"seq":5,"t":"line\nbreak \u00e9"})"},
      {INT64_MAX, INT64_MAX, R"({"k":0})",
       R"({"type":"event","stream":9223372036854775807,"seq":9223372036854775807,"k":0})"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    const std::string frame = event_frame(row.stream, row.seq, row.body);
    CHECK(frame == row.expected);
    const Json j = Json::parse(frame);  // and it is one JSON object
    CHECK(j.at("type") == "event");
    CHECK(j.at("stream") == row.stream);
    CHECK(j.at("seq") == row.seq);
    CHECK(j.size() == 3 + Json::parse(row.body).size());
    CHECK(frame.find('\n') == std::string::npos);
  }
  // A body written by dump() round-trips member for member.
  const Json body = {{"kind", "message"}, {"text", "two\nlines"}, {"mentions", {7, 9}}};
  Json expected = body;
  expected.update({{"type", "event"}, {"stream", 5}, {"seq", 6}});
  CHECK(Json::parse(event_frame(5, 6, dump(body))) == expected);
}

TEST_CASE("core encode: output is one line, and bad UTF-8 is replaced", "[encode][core]") {
  const std::string nasty = "line 1\nline 2\r\n\u2028end\n";
  const std::string encoded[] = {
      encode(ErrorReply{nasty, {ErrorCode::kBadField, nasty}}),
      encode(Welcome{{{"display_name", nasty}}, {{"note", nasty}}}),
      encode(Resync{1, 2, "room"}),
  };
  for (const auto& e : encoded) {
    CAPTURE(e);
    CHECK(e.find('\n') == std::string::npos);
    CHECK(e.find('\r') == std::string::npos);
    CHECK(Json::parse(e).is_object());
  }
  CHECK(Json::parse(encoded[0]).at("message") == nasty);

  std::string bad;
  REQUIRE_NOTHROW(bad = encode(ErrorReply{nullptr, {ErrorCode::kInternal, "ok \xff\xc3 ok"}}));
  CHECK(valid_utf8(bad));
  CHECK(bad.find("ok \xef\xbf\xbd") != std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace praxis::protocol
