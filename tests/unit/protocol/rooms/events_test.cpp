// The stored body of each room event (body()) and the event frame spliced from
// it (event_frame()), compared with the protocol's examples. Table-driven.
#include "protocol/rooms/messages.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <string>

#include "support.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol::rooms {
namespace {

using namespace test;

TEST_CASE("rooms events: each event's frame matches its example", "[encode][rooms]") {
  struct Row {
    Seq seq;
    std::string body;
    const char* expected;  // the whole frame, as JSON
  };
  const Row rows[] = {
      {341,
       body(MessageEvent{.room = 12,
                         .by = 1,
                         .at = 1767225600000,
                         .author_name = "Ada",
                         .text = "Has anyone tried **dual VET** with SMEs?",
                         .lang = "en",
                         .reply_to = 330,
                         .mentions = {7},
                         .cmid = "c-5f1b2"}),
       R"({"type": "event", "stream": 12, "seq": 341, "room": 12, "kind": "message", "by": 1,
           "at": 1767225600000, "author_name": "Ada",
           "text": "Has anyone tried **dual VET** with SMEs?", "lang": "en", "reply_to": 330,
           "mentions": [7], "cmid": "c-5f1b2"})"},
      {342,
       body(ChangeEvent{.kind = "edit",
                        .room = 12,
                        .by = 1,
                        .at = 1767225660000,
                        .target = 341,
                        .text = "Has anyone tried dual VET with small firms?"}),
       R"({"type": "event", "stream": 12, "seq": 342, "room": 12, "kind": "edit", "by": 1,
           "at": 1767225660000, "target": 341,
           "text": "Has anyone tried dual VET with small firms?"})"},
      {343,
       body(ChangeEvent{.kind = "delete", .room = 12, .by = 1, .at = 1767225720000, .target = 341}),
       R"({"type": "event", "stream": 12, "seq": 343, "room": 12, "kind": "delete", "by": 1,
           "at": 1767225720000, "target": 341})"},
      {344,
       body(ChangeEvent{.kind = "reaction",
                        .room = 12,
                        .by = 7,
                        .at = 1767225780000,
                        .target = 330,
                        .emoji = "👍",
                        .on = true}),
       R"({"type": "event", "stream": 12, "seq": 344, "room": 12, "kind": "reaction", "by": 7,
           "at": 1767225780000, "target": 330, "emoji": "👍", "on": true})"},

      // A message without a reply has "reply_to": null, and "mentions": [] and "cmid": "".
      {2,
       body(MessageEvent{
           .room = 12, .by = 3, .at = 4, .author_name = "A", .text = "t", .lang = "en"}),
       R"({"type": "event", "stream": 12, "seq": 2, "room": 12, "kind": "message", "by": 3,
           "at": 4, "author_name": "A", "text": "t", "lang": "en", "reply_to": null,
           "mentions": [], "cmid": ""})"},
      // An edit whose message was deleted later is replayed with "" as its text.
      {5, body(ChangeEvent{.kind = "edit", .room = 12, .by = 3, .at = 6, .target = 2}),
       R"({"type": "event", "stream": 12, "seq": 5, "room": 12, "kind": "edit", "by": 3,
           "at": 6, "target": 2, "text": ""})"},
      // Each kind carries only its own fields.
      {7,
       body(ChangeEvent{.kind = "reaction",
                        .room = 12,
                        .by = 3,
                        .at = 8,
                        .target = 2,
                        .text = "ignored",
                        .emoji = "\xe2\x9d\xa4\xef\xb8\x8f",
                        .on = false}),
       R"({"type": "event", "stream": 12, "seq": 7, "room": 12, "kind": "reaction", "by": 3,
           "at": 8, "target": 2, "emoji": "❤️", "on": false})"},
      {9,
       body(ChangeEvent{.kind = "delete",
                        .room = 12,
                        .by = 3,
                        .at = 10,
                        .target = 2,
                        .text = "ignored",
                        .emoji = "x",
                        .on = true}),
       R"({"type": "event", "stream": 12, "seq": 9, "room": 12, "kind": "delete", "by": 3,
           "at": 10, "target": 2})"},
  };
  for (const auto& row : rows) {
    const std::string frame = event_frame(12, row.seq, row.body);
    CAPTURE(row.body, frame);
    // The stored body is one compact object without type, stream or seq ...
    const Json stored = Json::parse(row.body);
    CHECK(row.body == stored.dump());
    CHECK_FALSE(stored.contains("type"));
    CHECK_FALSE(stored.contains("stream"));
    CHECK_FALSE(stored.contains("seq"));
    // ... sent as stored after the frame's own fields.
    const std::string head = R"({"type":"event","stream":12,"seq":)" + std::to_string(row.seq);
    CHECK(frame == head + "," + row.body.substr(1));
    CHECK(Json::parse(frame) == Json::parse(row.expected));
  }
}

TEST_CASE("rooms events: a body is one line, whatever the text holds", "[encode][rooms]") {
  const std::string nasty = "line 1\nline 2\r\n\u2028end\n";
  const std::string bodies[] = {
      body(MessageEvent{.room = 1, .author_name = nasty, .text = nasty, .cmid = nasty}),
      body(ChangeEvent{.kind = "edit", .room = 1, .text = nasty}),
      body(ChangeEvent{.kind = "reaction", .room = 1, .emoji = "ok \xff\xc3 ok"}),
  };
  for (const auto& b : bodies) {
    CAPTURE(b);
    CHECK(b.find('\n') == std::string::npos);
    CHECK(b.find('\r') == std::string::npos);
    CHECK(Json::parse(event_frame(1, 1, b)).is_object());
  }
  CHECK(Json::parse(bodies[0]).at("text") == nasty);
  CHECK(bodies[2].find("ok \xef\xbf\xbd") != std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace praxis::protocol::rooms
