// JsonObject writes the same bytes as dump() of the equivalent Json: any string
// (controls, quotes, non-ASCII, ill-formed UTF-8), numbers, null, lists.
#include "protocol/core/json_object.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "protocol/core/envelope.hpp"

namespace praxis::protocol {
namespace {

std::string via_writer(const std::string& s) { return JsonObject().add("k", s).finish(); }
std::string via_dom(const std::string& s) { return dump(Json{{"k", s}}); }

TEST_CASE("JsonObject: every single byte and ill-formed sequence as nlohmann writes it",
          "[json_object]") {
  for (int b = 0; b < 256; ++b) {
    const std::string s = "a" + std::string(1, static_cast<char>(b)) + "z";
    INFO("byte " << b);
    CHECK(via_writer(s) == via_dom(s));
  }
  for (const std::string s : {"", "\"\\/", "caf\xc3\xa9 \xf0\x9f\x91\x8d", "\xc3", "\xed\xa0\x80",
                              "\xc0\xaf", "ok\xff\xfe", "\xe2\x80\xae rtl", "line\r\nnext"}) {
    CHECK(via_writer(s) == via_dom(s));
  }
}

TEST_CASE("JsonObject: random strings and every value kind match dump()", "[json_object]") {
  std::mt19937 rng(7);  // fixed seed: the same strings every run
  std::uniform_int_distribution<int> len(0, 24), pick(0, 9), byte(0, 255);
  const char* samples[] = {"\"",   "\\",       "\n",           "\x01",
                           "\x7f", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x84",
                           "a",    "\x80"};
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    for (int n = len(rng); n > 0; --n) {
      s += pick(rng) == 0 ? std::string(1, static_cast<char>(byte(rng))) : samples[pick(rng)];
    }
    INFO("string " << i);
    REQUIRE(via_writer(s) == via_dom(s));
  }
  const std::vector<std::int64_t> ids = {3, -1, 9007199254740993};
  CHECK(JsonObject()
            .add("a", std::int64_t{-5})
            .add("b", true)
            .add("c", std::optional<std::int64_t>{})
            .add("d", std::optional<std::int64_t>{7})
            .add("e", ids)
            .add("f", std::vector<std::int64_t>{})
            .add("g", "x")
            .finish() == dump(Json{{"a", -5},
                                   {"b", true},
                                   {"c", nullptr},
                                   {"d", 7},
                                   {"e", ids},
                                   {"f", Json::array()},
                                   {"g", "x"}}));
  CHECK(JsonObject().finish() == "{}");
}

}  // namespace
}  // namespace praxis::protocol
