// The rooms client messages decoded by add_room_messages(): every valid example
// decodes to its struct, and the set of types is closed. Table-driven: one row
// per frame. (Fields refused: fields_test; lengths and limits: lengths_test,
// pages_test; controls and emoji: text_test.)
#include "protocol/rooms/messages.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "support.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol::rooms {
namespace {

using namespace test;

TEST_CASE("rooms decode: the set holds the core's and every rooms message", "[decode][rooms]") {
  const Decoder decode;
  CHECK(decode.set().types() ==
        std::vector<std::string>{"delete",       "edit",        "hello",         "history",
                                 "ping",         "post",        "react",         "read",
                                 "room_create",  "room_invite", "room_join",     "room_leave",
                                 "room_members", "room_remove", "room_set_role", "room_transfer",
                                 "room_update",  "rooms_list",  "subscribe",     "typing",
                                 "unsubscribe"});
  // Each struct's kType is the name it is registered under.
  const ClientMessage every[] = {
      RoomsList{},   RoomCreate{}, RoomJoin{},     RoomLeave{},  RoomInvite{}, RoomMembers{},
      RoomSetRole{}, RoomRemove{}, RoomTransfer{}, RoomUpdate{}, Post{},       Edit{},
      Delete{},      React{},      History{},      Read{},       Typing{}};
  for (const auto& m : every) {
    CAPTURE(type_of(m));
    CHECK(decode.set().contains(type_of(m)));
  }
  // Adding the rooms messages twice is refused: a type belongs to one feature.
  MessageSet set;
  const Limits limits;
  add_room_messages(set, limits);
  CHECK_THROWS_AS(add_room_messages(set, limits), std::logic_error);
}

TEST_CASE("rooms decode: every valid example decodes to its struct", "[decode][rooms]") {
  struct Row {
    const char* frame;
    ClientMessage message;
    Json rid = nullptr;
  };
  const Row rows[] = {
      // The examples of the protocol, verbatim.
      {R"({"type": "rooms_list", "rid": 1})", RoomsList{200, std::nullopt}, 1},
      {R"({"type": "room_create", "rid": 2, "name": "Work-based learning", "visibility": "open",
           "topic": "Apprenticeship schemes that worked"})",
       RoomCreate{.name = "Work-based learning",
                  .is_private = false,
                  .topic = "Apprenticeship schemes that worked"},
       2},
      {R"({"type": "room_join", "rid": 3, "room": 12})", RoomJoin{12}, 3},
      {R"({"type": "room_leave", "rid": 4, "room": 12})", RoomLeave{12}, 4},
      {R"({"type": "room_invite", "rid": 5, "room": 12, "user": 7})", RoomInvite{12, 7}, 5},
      {R"({"type": "room_members", "rid": 6, "room": 12})", RoomMembers{12, 200, std::nullopt}, 6},
      {R"({"type": "post", "rid": 7, "room": 12, "cmid": "c-5f1b2",
           "text": "Has anyone tried **dual VET** with SMEs?", "lang": "en", "reply_to": 330,
           "mentions": [7]})",
       Post{.room = 12,
            .text = "Has anyone tried **dual VET** with SMEs?",
            .lang = "en",
            .cmid = "c-5f1b2",
            .reply_to = 330,
            .mentions = {7}},
       7},
      {R"({"type": "edit", "rid": 8, "room": 12, "target": 341,
           "text": "Has anyone tried dual VET with small firms?"})",
       Edit{12, 341, "Has anyone tried dual VET with small firms?"}, 8},
      {R"({"type": "delete", "rid": 9, "room": 12, "target": 341})", Delete{12, 341}, 9},
      {R"({"type": "react", "rid": 10, "room": 12, "target": 341, "emoji": "👍", "on": true})",
       React{12, 341, "👍", true}, 10},
      {R"({"type": "history", "rid": 11, "room": 12, "before": 341, "limit": 50})",
       History{.room = 12, .before = 341, .limit = 50}, 11},
      {R"({"type": "history", "rid": 12, "room": 12, "after": 100, "limit": 50})",
       History{.room = 12, .after = 100, .limit = 50}, 12},
      {R"({"type": "read", "rid": 13, "room": 12, "seq": 341})", Read{12, 341}, 13},
      {R"({"type": "typing", "room": 12})", Typing{12}},

      // Roles, removal and ownership.
      {R"({"type": "room_set_role", "rid": 15, "room": 12, "user": 7, "role": "moderator"})",
       RoomSetRole{12, 7, "moderator"}, 15},
      {R"({"type": "room_set_role", "rid": 16, "room": 12, "user": 7, "role": "member"})",
       RoomSetRole{12, 7, "member"}, 16},
      {R"({"type": "room_remove", "rid": 17, "room": 12, "user": 7})", RoomRemove{12, 7}, 17},
      {R"({"type": "room_transfer", "rid": 18, "room": 12, "user": 7})", RoomTransfer{12, 7}, 18},
      {R"({"type":"room_transfer","room":9223372036854775807,"user":9223372036854775807})",
       RoomTransfer{INT64_MAX, INT64_MAX}},

      // Pages: a limit and the cursor of an earlier page (rooms.md's examples first).
      {R"({"type": "rooms_list", "rid": 2, "limit": 50, "cursor": "41:Work-based learning"})",
       RoomsList{50, Cursor{"Work-based learning", 41}}, 2},
      {R"({"type": "room_members", "rid": 7, "room": 12, "cursor": "9:Ben"})",
       RoomMembers{12, 200, Cursor{"Ben", 9}}, 7},
      {R"({"type":"rooms_list","limit":20,"cursor":"12:Work-based learning"})",
       RoomsList{20, Cursor{"Work-based learning", 12}}},
      {R"({"type":"room_members","room":12,"limit":5,"cursor":"7:Ben"})",
       RoomMembers{12, 5, Cursor{"Ben", 7}}},

      // Optional fields left out, or null (the same as absent).
      {R"({"type":"room_create","name":"x","visibility":"private"})",
       RoomCreate{.name = "x", .is_private = true}},
      {R"({"type":"room_create","name":"x","visibility":"open","topic":""})",
       RoomCreate{.name = "x"}},
      {R"({"type":"room_create","name":"x","visibility":"open","topic":null})",
       RoomCreate{.name = "x"}},
      {R"({"type":"rooms_list","limit":null,"cursor":null})", RoomsList{200, std::nullopt}},
      {R"({"type":"post","room":1,"text":"a","lang":"de-AT"})",
       Post{.room = 1, .text = "a", .lang = "de-AT"}},
      {R"({"type":"post","room":1,"text":"a","lang":"en","cmid":null,"reply_to":null,"mentions":null})",
       Post{.room = 1, .text = "a", .lang = "en"}},
      {R"({"type":"post","room":1,"text":"a\nb","lang":"en","mentions":[]})",
       Post{.room = 1, .text = "a\nb", .lang = "en"}},
      {R"({"type":"post","room":1,"text":"\u00e9\ud83d\ude00","lang":"en"})",
       Post{.room = 1, .text = "é😀", .lang = "en"}},
      {R"({"type":"react","room":1,"target":2,"emoji":"👍🏽","on":false})",
       React{1, 2, "👍🏽", false}},
      {R"({"type":"history","room":12})", History{.room = 12, .limit = 50}},
      {R"({"type":"history","room":12,"after":0})", History{.room = 12, .after = 0, .limit = 50}},
      {R"({"type":"history","room":12,"before":null,"after":5})",
       History{.room = 12, .after = 5, .limit = 50}},
      {R"({"type":"history","room":12,"limit":1})", History{.room = 12, .limit = 1}},
      {R"({"type":"history","room":12,"limit":100})", History{.room = 12, .limit = 100}},
      {R"({"type":"history","room":12,"limit":101})", History{.room = 12, .limit = 100}},
      {R"({"type":"history","room":12,"limit":9223372036854775807})",
       History{.room = 12, .limit = 100}},
      {R"({"type":"read","room":12,"seq":0})", Read{12, 0}},
      {R"({"type":"room_join","room":9223372036854775807})", RoomJoin{INT64_MAX}},

      // Fields no message defines are ignored; a duplicated key keeps its last value.
      {R"({"type":"typing","room":3,"room_name":"x"})", Typing{3}},
      {R"({"type":"room_join","room":1,"room":2})", RoomJoin{2}},
      {R"({"type":"room_remove","room":1,"user":2,"role":"owner"})", RoomRemove{1, 2}},
  };
  const Decoder decode;
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    const Decoded d = decode(row.frame);
    REQUIRE(outcome(d) == type_of(row.message));
    CHECK(holds(std::get<Request>(d), row.message));
    CHECK(std::get<Request>(d).rid == row.rid);
  }
}

TEST_CASE("rooms decode: refused frames name their error", "[decode][rooms]") {
  struct Row {
    const char* frame;
    const char* code;
    const char* names = "";  // the message names the field
  };
  const Row rows[] = {
      // history: before and after together.
      {R"({"type":"history","rid":1,"room":12,"before":341,"after":100})", "bad_field", "before"},
      {R"({"type":"history","rid":1,"room":12,"after":100,"before":341,"limit":5})", "bad_field",
       "before"},
      // room_set_role: a moderator or a member; the owner is changed by room_transfer.
      {R"({"type":"room_set_role","rid":1,"room":1,"user":2,"role":"owner"})", "bad_field", "role"},
      {R"({"type":"room_set_role","rid":1,"room":1,"user":2,"role":"admin"})", "bad_field", "role"},
      {R"({"type":"room_set_role","rid":1,"room":1,"user":2,"role":"Moderator"})", "bad_field",
       "role"},
      {R"({"type":"room_set_role","rid":1,"room":1,"user":2,"role":"moderator "})", "bad_field",
       "role"},
      {R"({"type":"room_set_role","rid":1,"room":1,"user":2,"role":""})", "bad_field", "role"},
      // Server types and near misses are not client messages.
      {R"({"type":"rooms","rid":1})", "unknown_type", "rooms"},
      {R"({"type":"room","rid":1})", "unknown_type", "room"},
      {R"({"type":"members","rid":1})", "unknown_type", "members"},
      {R"({"type":"left","rid":1})", "unknown_type", "left"},
      {R"({"type":"read_marker","rid":1})", "unknown_type", "read_marker"},
      {R"({"type":"presence","rid":1})", "unknown_type", "presence"},
      {R"({"type":"event","rid":1})", "unknown_type", "event"},
      {R"({"type":"room_delete","rid":1})", "unknown_type", "room_delete"},
      {R"({"type":"Post","rid":1})", "unknown_type", "Post"},
  };
  const Decoder decode;
  for (const auto& row : rows) {
    CAPTURE(row.frame);
    const Decoded d = decode(row.frame);
    CHECK(outcome(d) == row.code);
    CHECK(rid_of(d) == 1);
    CHECK_THAT(message_of(d), Catch::Contains(row.names));
  }
}

}  // namespace
}  // namespace praxis::protocol::rooms
