// MessageSet: the closed set of client messages, filled once by the core and the
// features; a type is registered once, and decode() runs its decoder.
#include "protocol/core/registry.hpp"

#include <any>
#include <catch2/catch.hpp>
#include <functional>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

#include "../support.hpp"
#include "protocol/core/messages.hpp"

namespace praxis::protocol {
namespace {

using test::outcome;

// A feature's message, as a feature would declare it.
struct Shout {
  static constexpr const char* kType = "shout";
  std::string text;
  bool operator==(const Shout&) const = default;
};

Shout shout(const Fields& f) { return Shout{f.text("text", 5)}; }

TEST_CASE("registry: the core adds hello, subscribe, unsubscribe and ping", "[registry]") {
  MessageSet set;
  CHECK(set.types().empty());
  add_core_messages(set);
  CHECK(set.types() == std::vector<std::string>{"hello", "ping", "subscribe", "unsubscribe"});
  for (const char* type : {"hello", "ping", "subscribe", "unsubscribe"}) {
    CAPTURE(type);
    CHECK(set.contains(type));
  }
  // Server messages are not client messages.
  for (const char* type : {"welcome", "ack", "subscribed", "synced", "resync", "pong", "error",
                           "event", "", "PING", "ping "}) {
    CAPTURE(type);
    CHECK_FALSE(set.contains(type));
  }
}

TEST_CASE("registry: a type is registered once", "[registry]") {
  MessageSet set;
  add_core_messages(set);
  set.add<Shout>(shout);
  const auto before = set.types();

  struct Row {
    const char* what;
    std::function<void()> add;
  };
  const Row rows[] = {
      {"the core's messages again", [&] { add_core_messages(set); }},
      {"a feature's message again", [&] { set.add<Shout>(shout); }},
      {"a core type by name", [&] { set.add("ping", [](const Fields&) { return std::any(1); }); }},
      {"a feature's type by name",
       [&] { set.add("shout", [](const Fields&) { return std::any(1); }); }},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    CHECK_THROWS_AS(row.add(), std::logic_error);
    // The set is left as it was: the first decoder stays.
    CHECK(set.types() == before);
    CHECK(outcome(set.decode(R"({"type":"ping"})")) == "ping");
    CHECK(test::message_as<Shout>(set.decode(R"({"type":"shout","text":"hi"})")) == Shout{"hi"});
  }
  CHECK_THROWS_WITH(set.add<Shout>(shout), Catch::Contains("shout"));
}

TEST_CASE("registry: decode runs the type's decoder", "[registry]") {
  MessageSet set;
  add_core_messages(set);
  set.add<Shout>(shout);
  struct Row {
    const char* frame;
    std::string outcome;  // the type, or the error code
    Json rid = nullptr;
    const char* names = "";
  };
  const Row rows[] = {
      {R"({"type":"shout","rid":1,"text":"hey"})", "shout", 1},
      {R"({"type":"shout","rid":"a","text":"loud!!"})", "bad_field", "a", "text"},
      {R"({"type":"shout","rid":2})", "bad_field", 2, "text"},
      {R"({"type":"ping","rid":3})", "ping", 3},
      // An unknown type keeps the rid, so the error can be matched to the request.
      {R"({"type":"whisper","rid":4})", "unknown_type", 4, "whisper"},
      {R"({"type":"whisper","rid":"w-1"})", "unknown_type", "w-1", "whisper"},
      {R"({"type":"Shout","rid":5})", "unknown_type", 5, "Shout"},
      {R"({"type":"","rid":6})", "unknown_type", 6},
      {R"({"type":"post","rid":7})", "unknown_type", 7, "post"},  // a feature not added
      {R"({"type":"whisper"})", "unknown_type"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    const Decoded d = set.decode(row.frame);
    CHECK(outcome(d) == row.outcome);
    CHECK(test::rid_of(d) == row.rid);
    CHECK_THAT(test::message_of(d), Catch::Contains(row.names));
  }
  // The Request carries the message as its own struct, and its type.
  const Decoded d = set.decode(R"({"type":"shout","rid":1,"text":"hey"})");
  const auto& request = std::get<Request>(d);
  CHECK(request.type == "shout");
  CHECK(request.message.type() == typeid(Shout));
  CHECK(std::any_cast<const Shout&>(request.message) == Shout{"hey"});
}

TEST_CASE("registry: a decoder sees the whole object and may refuse with any code", "[registry]") {
  MessageSet set;
  set.add("echo", [](const Fields& f) { return std::any(f.object()); });
  set.add("slow", [](const Fields&) -> std::any {
    throw FieldError(ErrorCode::kUnavailable, "try again later");
  });
  const Decoded echo = set.decode(R"({"type":"echo","rid":1,"x":[1,2]})");
  REQUIRE(outcome(echo) == "echo");
  CHECK(std::any_cast<Json>(std::get<Request>(echo).message) ==
        Json::parse(R"({"type":"echo","rid":1,"x":[1,2]})"));

  const Decoded slow = set.decode(R"({"type":"slow","rid":"s"})");
  CHECK(outcome(slow) == "unavailable");
  CHECK(test::rid_of(slow) == "s");
  CHECK(test::message_of(slow) == "try again later");
}

}  // namespace
}  // namespace praxis::protocol
