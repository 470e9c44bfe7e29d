// Lengths at their edges, counted in characters or bytes as the protocol says,
// and the limits that come from rooms::Limits (settings of praxisd).
#include "protocol/rooms/limits.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/core/limits.hpp"
#include "support.hpp"

namespace praxis::protocol::rooms {
namespace {

using namespace test;

TEST_CASE("rooms lengths: each length is checked at its edge", "[decode][rooms]") {
  // Each row sets one field of a valid frame.
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
  const auto too_long = ErrorCode::kTextTooLong;
  const auto bad = ErrorCode::kBadField;
  const std::string thumbs = "\xf0\x9f\x91\x8d";  // 👍: 4 bytes
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
      {post, "text", repeat("\t", 10000), std::nullopt},
      {post, "text", "a" + repeat("\xf0\x9f\x98\x80", 9999), std::nullopt},
      {post, "text", "ab" + repeat("\xf0\x9f\x98\x80", 9999), too_long},
      {post, "text", "", bad},
      {edit, "text", repeat("\xf0\x9f\x98\x80", 10000), std::nullopt},
      {edit, "text", repeat("\xf0\x9f\x98\x80", 10001), too_long},
      {edit, "text", repeat("a", 10001), too_long},
      {edit, "text", "", bad},
      // name 1..100 characters, topic up to 500.
      {create, "name", repeat("\xc3\xa9", kMaxRoomNameChars), std::nullopt},
      {create, "name", repeat("\xc3\xa9", kMaxRoomNameChars + 1), bad},
      {create, "name", repeat("a", kMaxRoomNameChars + 1), bad},
      {create, "topic", repeat("\xf0\x9f\x98\x80", kMaxTopicChars), std::nullopt},
      {create, "topic", repeat("\xf0\x9f\x98\x80", kMaxTopicChars + 1), bad},
      // lang: a BCP 47 tag of up to 35 bytes.
      {post, "lang", "abcdefgh-abcdefg-abcdefg-abcdefg-ab", std::nullopt},
      {post, "lang", "abcdefgh-abcdefg-abcdefg-abcdefg-abc", bad},
      // cmid up to 64 bytes.
      {post, "cmid", repeat("c", kMaxCmidBytes), std::nullopt},
      {post, "cmid", repeat("c", kMaxCmidBytes + 1), bad},
      {post, "cmid", repeat("\xc3\xa9", 32), std::nullopt},
      {post, "cmid", repeat("\xc3\xa9", 32) + "c", bad},
      // mentions: up to kMaxMentions ids.
      {post, "mentions", std::vector<int>(kMaxMentions, 7), std::nullopt},
      {post, "mentions", std::vector<int>(kMaxMentions + 1, 7), bad},
      // emoji: 1..32 bytes (and 32 characters).
      {react, "emoji", repeat(thumbs, 8), std::nullopt},  // 32 bytes
      {react, "emoji", repeat(thumbs, 8) + "x", bad},
      {react, "emoji", repeat(thumbs, 9), bad},
      {react, "emoji", "x" + repeat("\xc3\xa9", 15) + "x", std::nullopt},  // 32 bytes
      {react, "emoji", repeat("\xc3\xa9", 16) + "x", bad},                 // 33 bytes
      {react, "emoji", "", bad},
  };
  const Decoder decode;
  for (const auto& row : rows) {
    const std::string frame = with_field(row.frame, row.field, row.value);
    CAPTURE(row.frame, row.field, row.value.dump().size());
    const Decoded d = decode(frame);
    if (row.code) {
      REQUIRE(outcome(d) == outcome(*row.code));
      CHECK_THAT(message_of(d), Catch::Contains(row.field));
    } else {
      REQUIRE(std::holds_alternative<Request>(d));
    }
  }
}

TEST_CASE("rooms lengths: text and history limits come from Limits", "[decode][rooms]") {
  Limits limits;
  limits.max_text_chars = 3;
  limits.history_page_max = 20;
  const Decoder decode(limits);
  struct Row {
    const char* frame;
    const char* expected;  // the outcome
  };
  const Row rows[] = {
      {R"({"type":"post","room":1,"text":"\u00e9\u00e9\u00e9","lang":"en"})", "post"},
      {R"({"type":"post","room":1,"text":"\u00e9\u00e9\u00e9\u00e9","lang":"en"})",
       "text_too_long"},
      {R"({"type":"post","room":1,"text":"a\n\t","lang":"en"})", "post"},
      {R"({"type":"edit","room":1,"target":1,"text":"abc"})", "edit"},
      {R"({"type":"edit","room":1,"target":1,"text":"abcd"})", "text_too_long"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    CHECK(outcome(decode(row.frame)) == row.expected);
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
    CHECK(message_as<History>(decode(row.frame)).limit == row.limit);
  }
}

TEST_CASE("rooms lengths: the defaults of Limits", "[decode][rooms]") {
  const Limits l;
  CHECK(l.max_text_chars == 10000);
  CHECK(l.history_page_max == 100);
  CHECK(l.list_page_max == 200);
}

}  // namespace
}  // namespace praxis::protocol::rooms
