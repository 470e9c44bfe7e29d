// The rooms client messages, field by field: each left out, null, or of a wrong
// type or value is refused with bad_field naming it, and the rid is echoed.
#include "protocol/rooms/messages.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <vector>

#include "support.hpp"

namespace praxis::protocol::rooms {
namespace {

using namespace test;

TEST_CASE("rooms fields: every field, missing or of a wrong type or value", "[decode][rooms]") {
  const auto visibility = plus(not_strings(), {"", "public", "Open", "open "});
  const auto lang = plus(not_strings(), {"", "en US", "en_US", "-en", "en-", "en--US",
                                         "fr-abcdefghi", "1en", "\u00e9n"});
  const auto role = plus(not_strings(), {"", "owner", "admin", "Member", "member "});
  const auto emoji =
      plus(not_strings(), {"", "x", "+1", "__proto__", "\xf0\x9f\x91\x8d \xf0\x9f\x91\x8d"});
  const auto cursor = plus(not_strings(), {"", "12", ":x", "0:x", "-1:x", "x:y", "1.5:x"});

  const char* create =
      R"({"type":"room_create","rid":1,"name":"n","visibility":"open","topic":"t"})";
  const char* invite = R"({"type":"room_invite","rid":1,"room":12,"user":7})";
  const char* members = R"({"type":"room_members","rid":1,"room":12,"limit":5,"cursor":"7:Ben"})";
  const char* list = R"({"type":"rooms_list","rid":1,"limit":5,"cursor":"7:Ben"})";
  const char* set_role = R"({"type":"room_set_role","rid":1,"room":12,"user":7,"role":"member"})";
  const char* remove = R"({"type":"room_remove","rid":1,"room":12,"user":7})";
  const char* transfer = R"({"type":"room_transfer","rid":1,"room":12,"user":7})";
  const char* post =
      R"({"type":"post","rid":1,"room":12,"text":"a","lang":"en","cmid":"c","reply_to":3,"mentions":[7]})";
  const char* edit = R"({"type":"edit","rid":1,"room":12,"target":3,"text":"a"})";
  const char* del = R"({"type":"delete","rid":1,"room":12,"target":3})";
  const char* react = R"({"type":"react","rid":1,"room":12,"target":3,"emoji":"👍","on":true})";
  const char* before = R"({"type":"history","rid":1,"room":12,"before":3,"limit":5})";
  const char* after = R"({"type":"history","rid":1,"room":12,"after":3})";
  const char* read = R"({"type":"read","rid":1,"room":12,"seq":3})";
  const FieldRow rows[] = {
      {list, "limit", not_ids(), false},
      {list, "cursor", cursor, false},
      {list, "all", not_bools(), false},
      {create, "name", plus(not_strings(), {""}), true},
      {create, "visibility", visibility, true},
      {create, "topic", not_strings(), false},
      {R"({"type":"room_join","rid":1,"room":12})", "room", not_ids(), true},
      {R"({"type":"room_leave","rid":1,"room":12})", "room", not_ids(), true},
      {invite, "room", not_ids(), true},
      {invite, "user", not_ids(), true},
      {members, "room", not_ids(), true},
      {members, "limit", not_ids(), false},
      {members, "cursor", cursor, false},
      {set_role, "room", not_ids(), true},
      {set_role, "user", not_ids(), true},
      {set_role, "role", role, true},
      {remove, "room", not_ids(), true},
      {remove, "user", not_ids(), true},
      {transfer, "room", not_ids(), true},
      {transfer, "user", not_ids(), true},
      {post, "room", not_ids(), true},
      {post, "text", plus(not_strings(), {""}), true},
      {post, "lang", lang, true},
      {post, "cmid", not_strings(), false},
      {post, "reply_to", not_ids(), false},
      {post, "mentions", not_id_arrays(), false},
      {edit, "room", not_ids(), true},
      {edit, "target", not_ids(), true},
      {edit, "text", plus(not_strings(), {""}), true},
      {del, "room", not_ids(), true},
      {del, "target", not_ids(), true},
      {react, "room", not_ids(), true},
      {react, "target", not_ids(), true},
      {react, "emoji", emoji, true},
      {react, "on", not_bools(), true},
      {before, "room", not_ids(), true},
      {before, "before", not_ids(), false},
      {before, "limit", not_ids(), false},
      {after, "after", not_counts(), false},
      {read, "room", not_ids(), true},
      {read, "seq", not_counts(), true},
      {R"({"type":"typing","rid":1,"room":12})", "room", not_ids(), true},
  };
  const Decoder decode;
  for (const auto& row : rows) check_field(decode.set(), row);
}

}  // namespace
}  // namespace praxis::protocol::rooms
