// What text may hold: names and topics no control characters at all, message
// text only line feeds and tabs among them; a reaction is an emoji, never a
// plain word (it becomes an object key in clients: "__proto__", "toString").
#include "protocol/rooms/messages.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <string>

#include "support.hpp"

namespace praxis::protocol::rooms {
namespace {

using namespace test;

TEST_CASE("rooms text: names refuse controls, message text allows line feeds and tabs only",
          "[decode][rooms]") {
  struct Row {
    std::string value;
    bool in_name;  // accepted as a room name (and topic)
    bool in_text;  // accepted as post and edit text
  };
  const Row rows[] = {
      {"Work-based learning", true, true},
      {"Caf\xc3\xa9 \xf0\x9f\x91\x8d", true, true},
      {"no\xc2\xa0"
       "break",
       true, true},  // U+00A0 is a space, not a control
      {"line\nfeed", false, true},
      {"tab\tbed", false, true},
      {"\n\t", false, true},
      {"bell\x07", false, false},               // U+0007
      {"C1 \xc2\x85 next line", false, false},  // U+0085 (NEL)
      {"\xc2\x80", false, false},               // U+0080, the first C1
      {"\xc2\x9f", false, false},               // U+009F, the last C1
      {"del\x7f", false, false},                // U+007F
      {std::string("nul\0", 4), false, false},
      {"\x1b[31mred", false, false},  // U+001B (ESC)
      {"cr\r\nlf", false, false},
      {"\x0b", false, false},  // vertical tab
      {"\x0c", false, false},  // form feed
  };
  const char* create = R"({"type":"room_create","rid":1,"name":"n","visibility":"open"})";
  const char* post = R"({"type":"post","rid":1,"room":1,"text":"a","lang":"en"})";
  const char* edit = R"({"type":"edit","rid":1,"room":1,"target":2,"text":"a"})";
  const Decoder decode;
  for (const auto& row : rows) {
    CAPTURE(Json(row.value).dump());
    struct Case {
      std::string frame;
      const char* field;
      bool ok;
      const char* type;
    };
    const Case cases[] = {
        {with_field(create, "name", row.value), "name", row.in_name, "room_create"},
        {with_field(create, "topic", row.value), "topic", row.in_name, "room_create"},
        {with_field(post, "text", row.value), "text", row.in_text, "post"},
        {with_field(edit, "text", row.value), "text", row.in_text, "edit"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.frame);
      const Decoded d = decode(c.frame);
      CHECK(outcome(d) == (c.ok ? c.type : "bad_field"));
      if (!c.ok) CHECK_THAT(message_of(d), Catch::Contains(c.field));
    }
  }
  // Escaped in the JSON text or raw in it, a control is the same character.
  CHECK(outcome(decode(R"({"type":"post","room":1,"lang":"en","text":"a\u0000b"})")) ==
        "bad_field");
  CHECK(outcome(decode(R"({"type":"post","room":1,"lang":"en","text":"a\u001bb"})")) ==
        "bad_field");
  CHECK(outcome(decode(R"({"type":"post","room":1,"lang":"en","text":"a\u0085b"})")) ==
        "bad_field");
  CHECK(outcome(decode(R"({"type":"room_create","name":"\u0007","visibility":"open"})")) ==
        "bad_field");
  CHECK(message_as<Post>(decode(R"({"type":"post","room":1,"lang":"en","text":"a\nb\tc"})")).text ==
        "a\nb\tc");
}

TEST_CASE("rooms text: a reaction is an emoji, not a word", "[decode][rooms]") {
  struct Row {
    std::string emoji;
    bool ok;
  };
  const Row rows[] = {
      {"\xf0\x9f\x91\x8d", true},                  // 👍
      {"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", true},  // 👍🏽 with a skin tone
      {"\xe2\x9d\xa4\xef\xb8\x8f", true},          // ❤️ with VS16
      {"1\xef\xb8\x8f\xe2\x83\xa3", true},         // 1️⃣ keycap: ASCII digit + VS16 + U+20E3
      {"#\xef\xb8\x8f\xe2\x83\xa3", true},         // #️⃣
      {"\xf0\x9f\x87\xab\xf0\x9f\x87\xae", true},  // 🇫🇮 flag
      {"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", true},  // 👩‍💻 with ZWJ
      // Plain words: refused whatever they would do as a JavaScript object key.
      {"__proto__", false},
      {"toString", false},
      {"constructor", false},
      {"hasOwnProperty", false},
      {"valueOf", false},
      {"+1", false},
      {":+1:", false},
      {"x", false},
      {"1", false},
      {"<3", false},
      {"a b", false},
      {" ", false},
      // Spaces and controls, even beside an emoji.
      {"\xf0\x9f\x91\x8d \xf0\x9f\x91\x8d", false},
      {" \xf0\x9f\x91\x8d", false},
      {"\xf0\x9f\x91\x8d\n", false},
      {"\xf0\x9f\x91\x8d\t", false},
      {"\xf0\x9f\x91\x8d\x7f", false},
      {"\xf0\x9f\x91\x8d\xc2\x85", false},
      {"", false},
  };
  const char* react = R"({"type":"react","rid":1,"room":1,"target":2,"emoji":"x","on":true})";
  const Decoder decode;
  for (const auto& row : rows) {
    const std::string frame = with_field(react, "emoji", row.emoji);
    CAPTURE(frame);
    const Decoded d = decode(frame);
    if (row.ok) {
      CHECK(message_as<React>(d).emoji == row.emoji);
    } else {
      CHECK(outcome(d) == "bad_field");
      CHECK_THAT(message_of(d), Catch::Contains("emoji"));
      CHECK(rid_of(d) == 1);
    }
  }
}

}  // namespace
}  // namespace praxis::protocol::rooms
