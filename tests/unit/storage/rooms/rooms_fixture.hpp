// The rooms feature on a test database (storage_fixture.hpp): users, rooms
// and posts in one line each, room writes stored with small hand-written JSON
// bodies shaped like the server's (protocol/rooms/encode.cpp body()), and the
// log read back as (seq, body); and a crew with every role in one room.
#pragma once

#include <catch2/catch.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "../storage_fixture.hpp"
#include "storage/accounts/writes.hpp"
#include "storage/rooms/queries.hpp"
#include "storage/rooms/writes.hpp"

namespace praxis::storage::rooms::test {

using storage::test::json_field;
using storage::test::kT0;

inline std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

inline std::string ids(const std::vector<Id>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(v[i]);
  return out + "]";
}

inline std::string head(Id room, const char* kind, Id by, Millis at) {
  return "{\"room\":" + std::to_string(room) + ",\"kind\":" + quote(kind) +
         ",\"by\":" + std::to_string(by) + ",\"at\":" + std::to_string(at);
}

inline std::string message_body(const MessageFacts& f) {
  return head(f.room, "message", f.by, f.at) + ",\"author_name\":" + quote(f.author_name) +
         ",\"text\":" + quote(f.text) + ",\"lang\":" + quote(f.lang) +
         ",\"reply_to\":" + (f.reply_to ? std::to_string(*f.reply_to) : "null") +
         ",\"mentions\":" + ids(f.mentions) + ",\"cmid\":" + quote(f.cmid) + "}";
}

inline std::string change_body(const ChangeFacts& f) {
  std::string out = head(f.room, f.kind, f.by, f.at) + ",\"target\":" + std::to_string(f.target);
  if (std::string(f.kind) == "edit") out += ",\"text\":" + quote(f.text);
  if (std::string(f.kind) == "reaction") {
    out += ",\"emoji\":" + quote(f.emoji) + ",\"on\":" + (f.on ? "true" : "false");
  }
  return out + "}";
}

// Erases "text" the way the server does (protocol-agnostic here: a stored
// body with "text":"..." becomes "text":"").
inline std::string redacted_body(const std::string& body) {
  const auto at = body.find("\"text\":\"");
  if (at == std::string::npos) return body;
  auto end = at + 8;
  while (end < body.size() && body[end] != '"') end += body[end] == '\\' ? 2 : 1;
  return body.substr(0, at + 8) + body.substr(end);
}

inline const Bodies kBodies{&message_body, &change_body, &redacted_body};

struct RoomsDb : storage::test::Db {
  accounts::Writes accounts{*txn};
  Writes rooms{*txn, kBodies};
  Queries queries{*reader};
  Caps caps;

  // A user "<name>@example.org" called <name>.
  Id user(const std::string& name, bool admin = false) {
    accounts::User u;
    u.profile.email = name + "@example.org";
    u.profile.display_name = name;
    u.role = admin ? accounts::UserRole::kAdmin : accounts::UserRole::kMember;
    u.password_hash = "hash";
    u.created_at = kT0;
    REQUIRE(accounts.create_user(u) == Status::kOk);
    return u.id;
  }

  Id room(Id owner, const std::string& name, Visibility v = Visibility::kOpen) {
    Room r;
    r.name = name;
    r.visibility = v;
    r.created_by = owner;
    r.created_at = kT0;
    REQUIRE(rooms.create_room(r, caps) == Status::kOk);
    return r.id;
  }

  EventResult post(Id room_id, Id author, const std::string& text, std::vector<Id> mentions = {},
                   std::optional<Seq> reply_to = std::nullopt, std::string cmid = {}) {
    NewMessage m;
    m.room_id = room_id;
    m.author = author;
    m.text = text;
    m.lang = "en";
    m.mentions = std::move(mentions);
    m.reply_to = reply_to;
    m.cmid = std::move(cmid);
    m.at = kT0;
    return rooms.post_message(m);
  }

  Status join(Id room_id, Id user_id) {
    return rooms.join_room(room_id, user_id, caps, kT0).status;
  }
  Status add(Id room_id, Actor actor, Id user_id) {
    return rooms.add_member(room_id, actor, user_id, caps, kT0).status;
  }
  std::optional<RoomRole> role(Id room_id, Id user_id) {
    auto m = queries.membership(room_id, user_id);
    return m ? std::optional<RoomRole>(m->role) : std::nullopt;
  }

  Seq last_seq(Id room_id) { return reader->stream(room_id).value().last_seq; }
  std::vector<StoredEvent> log(Id room_id) { return reader->events_after(room_id, 0, 1000); }
  // A field of the stored body of event `seq` ("$.text").
  std::optional<std::string> field(Id room_id, Seq seq, const std::string& path) {
    auto events = reader->events_after(room_id, seq - 1, 1);
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].seq == seq);
    return json_field(events[0].body, path);
  }
};

// An owner, a moderator, two members; an admin and a user outside the room.
struct Crew : RoomsDb {
  Id owner = user("owner");
  Id mod = user("mod");
  Id mem = user("mem");
  Id mem2 = user("mem2");
  Id root = user("root", true);
  Id out = user("out");
  Id r = room(owner, "r");
  Actor as_owner{owner}, as_mod{mod}, as_mem{mem}, as_admin{root, true}, as_out{out};
  Crew() {
    REQUIRE(join(r, mod) == Status::kOk);
    REQUIRE(join(r, mem) == Status::kOk);
    REQUIRE(join(r, mem2) == Status::kOk);
    REQUIRE(rooms.set_role(r, as_owner, mod, RoomRole::kModerator) == Status::kOk);
  }
};

}  // namespace praxis::storage::rooms::test
