// storage/core/body_json.hpp: members of a stored body, read with simdjson.
#include "storage/core/body_json.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace praxis::storage::detail {
namespace {

// The string member `key`, as a feature reads one through read_body.
std::string string_member(std::string_view json, std::string_view key) {
  std::string out;
  read_body(json, [&](simdjson::ondemand::object& o) {
    out = std::string(std::string_view(o.find_field_unordered(key).get_string()));
  });
  return out;
}

TEST_CASE("read_body reads a string member of a body, escapes decoded") {
  CHECK(string_member(R"({"kind":"message","text":"plain"})", "text") == "plain");
  CHECK(string_member(R"({"text":"first","z":[1,2,{"text":"nested"}]})", "text") == "first");
  // Another member's value that looks like the key is not the member.
  CHECK(string_member(R"({"a":"\"text\":\"fake\"","text":"real"})", "text") == "real");
  CHECK(string_member(R"({"text":"line\nbreak \"quoted\" back\\slash \u00e9 \ud83d\ude00"})",
                      "text") == "line\nbreak \"quoted\" back\\slash \xc3\xa9 \xf0\x9f\x98\x80");
  CHECK(string_member(R"({"text":""})", "text").empty());
  const std::string big(100000, 'x');
  CHECK(string_member(R"({"text":")" + big + "\"}", "text") == big);
}

TEST_CASE("read_body refuses a body that is not an object with that string member") {
  CHECK_THROWS_AS(string_member(R"({"kind":"message"})", "text"), Error);
  CHECK_THROWS_AS(string_member(R"({"text":5})", "text"), Error);
  CHECK_THROWS_AS(string_member(R"(["text"])", "text"), Error);
  CHECK_THROWS_AS(string_member("", "text"), Error);
  CHECK_THROWS_AS(string_member(R"({"text":"unterminated)", "text"), Error);
}

}  // namespace
}  // namespace praxis::storage::detail
