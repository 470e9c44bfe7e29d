// Fields: typed getters that every feature's decoders share; chars() (names,
// titles) and prose() (message text) count characters and refuse controls.
#include "protocol/core/fields.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "../support.hpp"

namespace praxis::protocol {
namespace {

using test::repeat;

// The outcome of one getter call: "ok", or the FieldError's code.
std::string outcome(const std::function<void()>& get) {
  try {
    get();
    return "ok";
  } catch (const FieldError& e) {
    return std::string(to_string(e.code()));
  }
}

TEST_CASE("fields: chars() refuses every control, prose() all but line feed and tab", "[fields]") {
  struct Row {
    std::string value;
    const char* as_name;   // chars("v", 1, 10)
    const char* as_prose;  // prose("v", 1, 10)
  };
  const Row rows[] = {
      {"Ada", "ok", "ok"},
      {"caf\xc3\xa9 \xf0\x9f\x91\x8d", "ok", "ok"},
      {"a\xc2\xa0"
       "b",
       "ok", "ok"},  // no-break space: not a control
      {"a\xe2\x80\xa8"
       "b",
       "ok", "ok"},  // line separator
      {"a\nb", "bad_field", "ok"},
      {"a\tb", "bad_field", "ok"},
      {"\n", "bad_field", "ok"},
      {"a\rb", "bad_field", "bad_field"},
      {std::string("a\0b", 3), "bad_field", "bad_field"},
      {"a\x07"
       "b",
       "bad_field", "bad_field"},             // BEL
      {"\x1b[2J", "bad_field", "bad_field"},  // ESC
      {"a\x1f"
       "b",
       "bad_field", "bad_field"},
      {"a\x7f"
       "b",
       "bad_field", "bad_field"},  // DEL
      {"a\xc2\x80"
       "b",
       "bad_field", "bad_field"},  // C1
      {"a\xc2\x85"
       "b",
       "bad_field", "bad_field"},  // NEL
      {"a\xc2\x9f"
       "b",
       "bad_field", "bad_field"},
      // Direction overrides and isolates make one name look like another
      // (U+202E, U+2066): names refuse them, prose (where quoting an Arabic
      // or Hebrew phrase may need them) keeps them.
      {"a\xe2\x80\xae"
       "b",
       "bad_field", "ok"},
      {"a\xe2\x81\xa6"
       "b",
       "bad_field", "ok"},
      {"a\xe2\x80\x8f"
       "b",
       "ok", "ok"},  // U+200F, a direction mark: shows nothing, overrides nothing
      // Counted in characters: 10 fit, 11 do not; at least one.
      {repeat("\xf0\x9f\x98\x80", 10), "ok", "ok"},
      {repeat("\xf0\x9f\x98\x80", 11), "bad_field", "bad_field"},
      {"", "bad_field", "bad_field"},
      {"\xff", "bad_utf8", "bad_utf8"},
  };
  for (const auto& row : rows) {
    const Json j = {{"v", row.value}};
    const Fields f(j);
    CAPTURE(j.dump(-1, ' ', true, Json::error_handler_t::replace));
    CHECK(outcome([&] { f.chars("v", 1, 10); }) == row.as_name);
    CHECK(outcome([&] { f.prose("v", 1, 10); }) == row.as_prose);
  }
}

TEST_CASE("fields: over the maximum, chars() and prose() use the code asked for", "[fields]") {
  const Json j = {{"v", "abcd"}, {"bad", "a\x07"}};
  const Fields f(j);
  CHECK(outcome([&] { f.prose("v", 1, 3, ErrorCode::kTextTooLong); }) == "text_too_long");
  CHECK(outcome([&] { f.chars("v", 1, 3, ErrorCode::kTextTooLong); }) == "text_too_long");
  CHECK(outcome([&] { f.prose("v", 1, 4, ErrorCode::kTextTooLong); }) == "ok");
  CHECK(outcome([&] { f.prose("v", 5, 9, ErrorCode::kTextTooLong); }) == "bad_field");
  // A control is a bad field whatever the length code.
  CHECK(outcome([&] { f.prose("bad", 1, 9, ErrorCode::kTextTooLong); }) == "bad_field");
  try {
    f.chars("bad", 1, 9);
    FAIL("no FieldError");
  } catch (const FieldError& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("'bad'") && Catch::Contains("control"));
  }
}

TEST_CASE("fields: parse_object refuses nesting deeper than kMaxJsonDepth", "[fields]") {
  const auto nested = [](std::size_t depth) {
    return R"({"v":)" + repeat("[", depth - 1) + repeat("]", depth - 1) + "}";
  };
  CHECK(outcome([&] { parse_object(nested(kMaxJsonDepth), "frame"); }) == "ok");
  CHECK(outcome([&] { parse_object(nested(kMaxJsonDepth + 1), "frame"); }) == "bad_json");
  // 30,000 levels (a 60 KB frame) is refused before nlohmann builds it.
  CHECK(outcome([&] { parse_object(nested(30000), "frame"); }) == "bad_json");
  // Brackets inside strings are text, not nesting.
  CHECK(outcome([&] { parse_object(R"({"v":")" + repeat("[", 100) + R"(\"{"})", "frame"); }) ==
        "ok");
}

TEST_CASE("fields: numbers, booleans and lists", "[fields]") {
  const Json j = Json::parse(R"({"one": 1, "zero": 0, "neg": -1, "big": 18446744073709551615,
                                 "real": 1.5, "str": "1", "yes": true, "null": null,
                                 "ids": [1, 2], "strs": ["a", "bc"]})");
  const Fields f(j);
  struct Row {
    const char* what;
    std::function<void()> get;
    const char* expected;
  };
  const Row rows[] = {
      {"id one", [&] { CHECK(f.id("one") == 1); }, "ok"},
      {"id zero", [&] { f.id("zero"); }, "bad_field"},
      {"id neg", [&] { f.id("neg"); }, "bad_field"},
      {"id big", [&] { f.id("big"); }, "bad_field"},
      {"id real", [&] { f.id("real"); }, "bad_field"},
      {"id str", [&] { f.id("str"); }, "bad_field"},
      {"id missing", [&] { f.id("nope"); }, "bad_field"},
      {"id null", [&] { f.id("null"); }, "bad_field"},
      {"optional_id missing", [&] { CHECK(f.optional_id("nope") == std::nullopt); }, "ok"},
      {"optional_id null", [&] { CHECK(f.optional_id("null") == std::nullopt); }, "ok"},
      {"optional_id zero", [&] { f.optional_id("zero"); }, "bad_field"},
      {"count zero", [&] { CHECK(f.count("zero") == 0); }, "ok"},
      {"count neg", [&] { f.count("neg"); }, "bad_field"},
      {"boolean", [&] { CHECK(f.boolean("yes")); }, "ok"},
      {"boolean one", [&] { f.boolean("one"); }, "bad_field"},
      {"text", [&] { CHECK(f.text("str", 1) == "1"); }, "ok"},
      {"text too long", [&] { f.text("str", 0); }, "bad_field"},
      {"optional_text null", [&] { CHECK(f.optional_text("null", 1).empty()); }, "ok"},
      {"ids",
       [&] {
         CHECK(f.ids("ids", 2) == std::vector<std::int64_t>{1, 2});
       },
       "ok"},
      {"ids too many", [&] { f.ids("ids", 1); }, "bad_field"},
      {"ids missing", [&] { CHECK(f.ids("nope", 1).empty()); }, "ok"},
      {"strings",
       [&] {
         CHECK(f.strings("strs", 2, 2) == std::vector<std::string>{"a", "bc"});
       },
       "ok"},
      {"strings too long", [&] { f.strings("strs", 2, 1); }, "bad_field"},
      {"strings too many", [&] { f.strings("strs", 1, 2); }, "bad_field"},
      {"strings of ids", [&] { f.strings("ids", 2, 2); }, "bad_field"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    CHECK(outcome(row.get) == row.expected);
  }
}

TEST_CASE("fields: is_language_tag is the shape of a BCP 47 tag", "[fields]") {
  struct Row {
    const char* tag;
    bool ok;
  };
  const Row rows[] = {
      {"en", true},         {"de-AT", true},         {"zh-Hant-TW", true}, {"de-CH-1996", true},
      {"es-419", true},     {"x-private", true},     {"abcdefgh", true},   {"i", true},
      {"", false},          {"en US", false},        {"en_US", false},     {"-en", false},
      {"en-", false},       {"en--US", false},       {"abcdefghi", false}, {"1en", false},
      {"\xc3\xa9n", false}, {"en-abcdefghi", false}, {"en\n", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.tag);
    CHECK(is_language_tag(row.tag) == row.ok);
  }
}

}  // namespace
}  // namespace praxis::protocol
