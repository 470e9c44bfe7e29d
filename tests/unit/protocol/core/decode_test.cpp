// The core's client messages (hello, subscribe, unsubscribe, ping) decoded by
// add_core_messages(): every valid form, and every field refused. Table-driven.
#include "protocol/core/messages.hpp"
// (the header under test first: it compiles on its own)
#include <any>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "../support.hpp"
#include "protocol/core/limits.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol {
namespace {

using test::core_set;
using test::outcome;

using CoreMessage = std::variant<Hello, Subscribe, Unsubscribe, Ping>;

// The Request holds exactly `expected`: its type name and its struct.
bool holds(const Request& r, const CoreMessage& expected) {
  return std::visit(
      [&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        const auto* got = std::any_cast<T>(&r.message);
        return r.type == T::kType && got != nullptr && *got == m;
      },
      expected);
}

TEST_CASE("core decode: every valid form decodes to its struct", "[decode][core]") {
  struct Row {
    const char* frame;
    CoreMessage message;
    Json rid = nullptr;
  };
  const Row rows[] = {
      // hello: resume maps stream ids (as strings) to the last seq seen.
      {R"({"type": "hello", "version": 1, "resume": {"12": 340, "15": 0}})",
       Hello{.version = 1, .resume = {{12, 340}, {15, 0}}}},
      {R"({"type":"hello","version":1})", Hello{.version = 1}},
      {R"({"type":"hello","version":1,"resume":{}})", Hello{.version = 1}},
      {R"({"type":"hello","version":1,"resume":null})", Hello{.version = 1}},
      {R"({"type":"hello","rid":"h","version":1})", Hello{.version = 1}, "h"},
      // A version other than 1 still decodes: the server answers version_mismatch.
      {R"({"type":"hello","version":2})", Hello{.version = 2}},
      {R"({"type":"hello","version":0})", Hello{.version = 0}},
      {R"({"type":"hello","version":1,"resume":{"9223372036854775807":9223372036854775807}})",
       Hello{.version = 1, .resume = {{INT64_MAX, INT64_MAX}}}},
      {R"({"type":"hello","version":1,"resume":{"1":0,"100":5,"20":7}})",
       Hello{.version = 1, .resume = {{1, 0}, {20, 7}, {100, 5}}}},

      // subscribe: live from now, or after a seq (replay first).
      {R"({"type":"subscribe","rid":1,"stream":12})", Subscribe{12, std::nullopt}, 1},
      {R"({"type":"subscribe","rid":2,"stream":12,"after":340})", Subscribe{12, 340}, 2},
      {R"({"type":"subscribe","stream":12,"after":0})", Subscribe{12, 0}},
      {R"({"type":"subscribe","stream":12,"after":null})", Subscribe{12, std::nullopt}},
      {R"({"type":"subscribe","stream":9223372036854775807,"after":9223372036854775807})",
       Subscribe{INT64_MAX, INT64_MAX}},

      {R"({"type":"unsubscribe","rid":3,"stream":12})", Unsubscribe{12}, 3},
      {R"({"type":"unsubscribe","stream":9223372036854775807})", Unsubscribe{INT64_MAX}},
      // A duplicated key keeps its last value.
      {R"({"type":"unsubscribe","stream":1,"stream":2})", Unsubscribe{2}},

      {R"({"type": "ping", "rid": 14})", Ping{}, 14},
      {R"({"type":"ping"})", Ping{}},
      // Fields no message defines are ignored (PROTOCOL.md 6).
      {R"({"type":"ping","stream":"x","after":-1})", Ping{}},
      {R"({"type":"unsubscribe","stream":3,"stream_name":"x"})", Unsubscribe{3}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    const Decoded d = core_set().decode(row.frame);
    REQUIRE(std::holds_alternative<Request>(d));
    CHECK(holds(std::get<Request>(d), row.message));
    CHECK(std::get<Request>(d).rid == row.rid);
  }
}

TEST_CASE("core decode: every field, missing or of a wrong type or value", "[decode][core]") {
  // resume: an object whose keys are stream ids > 0 in their one spelling and
  // whose values are seqs >= 0.
  std::vector<Json> bad_resume = {Json::array(), Json::parse("[[12,1]]"), "12:1", 12};
  for (const char* key : {"", "a", "12a", "0", "-12", "+12", " 12", "12 ", "012", "1.5", "1e3",
                          "0x1f", "9223372036854775808", "99999999999999999999"}) {
    bad_resume.push_back(Json::object({{key, 1}}));
  }
  for (const auto& seq : test::not_integers()) bad_resume.push_back(Json::object({{"12", seq}}));
  bad_resume.push_back(Json::object({{"12", nullptr}}));

  const char* hello = R"({"type":"hello","rid":1,"version":1,"resume":{"12":1}})";
  const char* subscribe = R"({"type":"subscribe","rid":1,"stream":12,"after":3})";
  const test::FieldRow rows[] = {
      {hello, "version", test::not_counts(), true},
      {hello, "resume", bad_resume, false},
      {subscribe, "stream", test::not_ids(), true},
      {subscribe, "after", test::not_counts(), false},
      {R"({"type":"unsubscribe","rid":1,"stream":12})", "stream", test::not_ids(), true},
  };
  for (const auto& row : rows) test::check_field(core_set(), row);
}

TEST_CASE("core decode: the resume map is bounded", "[decode][core]") {
  Json resume = Json::object();
  for (std::size_t i = 1; i <= kMaxResumeStreams; ++i) resume[std::to_string(i)] = i;
  Json j = {{"type", "hello"}, {"version", 1}, {"resume", resume}};
  const Decoded full = core_set().decode(j.dump());
  const auto& hello = test::message_as<Hello>(full);
  CHECK(hello.resume.size() == kMaxResumeStreams);
  CHECK(hello.resume.at(kMaxResumeStreams) == static_cast<Seq>(kMaxResumeStreams));

  j["resume"][std::to_string(kMaxResumeStreams + 1)] = 0;
  const Decoded over = core_set().decode(j.dump());
  CHECK(outcome(over) == "bad_field");
  CHECK_THAT(test::message_of(over), Catch::Contains("resume"));
}

TEST_CASE("core decode: a huge version never reads as the current one", "[decode][core]") {
  // 2^32 + 1 truncated to int would be 1.
  const char* frames[] = {
      R"({"type":"hello","version":4294967297})",
      R"({"type":"hello","version":9223372036854775807})",
  };
  for (const char* frame : frames) {
    CAPTURE(frame);
    CHECK(test::message_as<Hello>(core_set().decode(frame)).version != kProtocolVersion);
  }
}

TEST_CASE("core decode: rid is echoed from a frame refused for a field", "[decode][core]") {
  const Json rids[] = {0, 7, -7, INT64_MAX, "", "r-1", "\xf0\x9f\x98\x80", std::string(64, 'r')};
  for (const auto& rid : rids) {
    Json j = {{"type", "unsubscribe"}, {"rid", rid}, {"stream", "nope"}};
    CAPTURE(j.dump());
    const Decoded d = core_set().decode(j.dump());
    REQUIRE(outcome(d) == "bad_field");
    CHECK(test::rid_of(d) == rid);
  }
}

}  // namespace
}  // namespace praxis::protocol
