// room_update (rooms.md): any of name, topic and archived, at least one; name
// and topic follow room_create's rules. And the room shape's `archived`, present
// only when true.
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

TEST_CASE("room_update decodes any subset of its settings", "[decode][rooms]") {
  struct Row {
    const char* frame;
    RoomUpdate message;
  };
  const Row rows[] = {
      // The examples of the protocol, verbatim.
      {R"({"type": "room_update", "rid": 11, "room": 12, "name": "Dual VET"})",
       RoomUpdate{.room = 12, .name = "Dual VET"}},
      {R"({"type": "room_update", "rid": 12, "room": 12, "topic": "Schemes that worked"})",
       RoomUpdate{.room = 12, .topic = "Schemes that worked"}},
      {R"({"type": "room_update", "rid": 13, "room": 12, "archived": true})",
       RoomUpdate{.room = 12, .archived = true}},
      // Together; an empty topic clears it; null is the same as absent.
      {R"({"type":"room_update","room":1,"name":"n","topic":"","archived":false})",
       RoomUpdate{1, "n", "", false}},
      {R"({"type":"room_update","room":1,"name":null,"topic":"t","archived":null})",
       RoomUpdate{.room = 1, .topic = "t"}},
  };
  const Decoder decode;
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    CHECK(message_as<RoomUpdate>(decode(row.frame)) == row.message);
  }
}

TEST_CASE("room_update refuses bad fields and an empty update", "[decode][rooms]") {
  const char* update = R"({"type":"room_update","rid":1,"room":12,"name":"n","topic":"t"})";
  const char* archive = R"({"type":"room_update","rid":1,"room":12,"archived":true})";
  const FieldRow rows[] = {
      {update, "room", not_ids(), true},
      {update, "name", plus(not_strings(), {"", "a\x01", "\u202Eevil"}), false},
      {update, "topic", plus(not_strings(), {"a\nb", "\u2066x"}), false},
      {archive, "archived", not_bools(), true},
  };
  const Decoder decode;
  for (const auto& row : rows) check_field(decode.set(), row);

  for (const char* empty : {R"({"type":"room_update","rid":1,"room":12})",
                            R"({"type":"room_update","rid":1,"room":12,"name":null})"}) {
    CAPTURE(empty);
    const Decoded d = decode(empty);
    CHECK(outcome(d) == "bad_field");
    CHECK_THAT(message_of(d), Catch::Contains("at least one"));
    CHECK(rid_of(d) == 1);
  }
}

TEST_CASE("room_update: name and topic lengths as in room_create", "[decode][rooms]") {
  const char* update = R"({"type":"room_update","rid":1,"room":12})";
  struct Row {
    const char* field;
    std::string value;
    const char* expected;
  };
  const Row rows[] = {
      {"name", repeat("\xc3\xa9", kMaxRoomNameChars), "room_update"},
      {"name", repeat("\xc3\xa9", kMaxRoomNameChars + 1), "bad_field"},
      {"name", repeat("a", kMaxRoomNameChars + 1), "bad_field"},
      {"topic", repeat("\xf0\x9f\x98\x80", kMaxTopicChars), "room_update"},
      {"topic", repeat("\xf0\x9f\x98\x80", kMaxTopicChars + 1), "bad_field"},
  };
  const Decoder decode;
  for (const auto& row : rows) {
    CAPTURE(row.field, row.value.size());
    const Decoded d = decode(with_field(update, row.field, row.value));
    CHECK(outcome(d) == row.expected);
    if (std::string(row.expected) == "bad_field") {
      CHECK_THAT(message_of(d), Catch::Contains(row.field));
    }
  }
}

TEST_CASE("the room shape says archived only when it is", "[encode][rooms]") {
  RoomInfo room{.id = 12, .name = "n", .visibility = "open", .last_seq = 3};
  CHECK_FALSE(Json(room).contains("archived"));
  room.archived = true;
  CHECK(Json(room) == Json::parse(R"({"id": 12, "name": "n", "topic": "", "visibility": "open",
                                      "last_seq": 3, "archived": true, "member": false})"));
}

}  // namespace
}  // namespace praxis::protocol::rooms
