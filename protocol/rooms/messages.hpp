// The rooms feature's messages (protocol/rooms/rooms.md): live discussion rooms,
// their members, messages, reactions, read markers and typing. Client -> server
// structs are decoded by add_room_messages(); server -> client structs are
// written by their to_json (type, rid and fields), like the core's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/core/messages.hpp"
#include "protocol/rooms/limits.hpp"

namespace praxis::protocol::rooms {

// A position in a list ordered by name, then id: "<id>:<name>". Opaque to clients.
struct Cursor {
  std::string name;
  Id id = 0;
  bool operator==(const Cursor&) const = default;
};
std::string to_string(const Cursor& c);

// ---- client -> server -----------------------------------------------------

struct RoomsList {
  static constexpr const char* kType = "rooms_list";
  std::int64_t limit = 0;  // 0: list_page_max
  std::optional<Cursor> cursor;
  bool all = false;  // every room of the instance, private ones too (admins only)
  bool operator==(const RoomsList&) const = default;
};
struct RoomCreate {
  static constexpr const char* kType = "room_create";
  std::string name;
  bool is_private = false;
  std::string topic;
  bool operator==(const RoomCreate&) const = default;
};
struct RoomJoin {
  static constexpr const char* kType = "room_join";
  Id room = 0;
  bool operator==(const RoomJoin&) const = default;
};
struct RoomLeave {
  static constexpr const char* kType = "room_leave";
  Id room = 0;
  bool operator==(const RoomLeave&) const = default;
};
struct RoomInvite {
  static constexpr const char* kType = "room_invite";
  Id room = 0;
  Id user = 0;
  bool operator==(const RoomInvite&) const = default;
};
struct RoomMembers {
  static constexpr const char* kType = "room_members";
  Id room = 0;
  std::int64_t limit = 0;  // 0: list_page_max
  std::optional<Cursor> cursor;
  bool operator==(const RoomMembers&) const = default;
};
// Owners (and admins) make a member a moderator or a moderator a member.
struct RoomSetRole {
  static constexpr const char* kType = "room_set_role";
  Id room = 0;
  Id user = 0;
  std::string role;  // "moderator" | "member"
  bool operator==(const RoomSetRole&) const = default;
};
struct RoomRemove {
  static constexpr const char* kType = "room_remove";
  Id room = 0;
  Id user = 0;
  bool operator==(const RoomRemove&) const = default;
};
struct RoomTransfer {
  static constexpr const char* kType = "room_transfer";
  Id room = 0;
  Id user = 0;  // the new owner (a member of the room)
  bool operator==(const RoomTransfer&) const = default;
};
// Room settings: any of name, topic and archived (at least one). The topic is
// the owner's, the moderators' and admins'; the name and archiving the owner's
// and admins'. An archived room is read-only.
struct RoomUpdate {
  static constexpr const char* kType = "room_update";
  Id room = 0;
  std::optional<std::string> name;
  std::optional<std::string> topic;
  std::optional<bool> archived;
  bool operator==(const RoomUpdate&) const = default;
};
struct Post {
  static constexpr const char* kType = "post";
  Id room = 0;
  std::string text;
  std::string lang;
  std::string cmid;
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;
  bool operator==(const Post&) const = default;
};
struct Edit {
  static constexpr const char* kType = "edit";
  Id room = 0;
  Seq target = 0;
  std::string text;
  bool operator==(const Edit&) const = default;
};
struct Delete {
  static constexpr const char* kType = "delete";
  Id room = 0;
  Seq target = 0;
  bool operator==(const Delete&) const = default;
};
struct React {
  static constexpr const char* kType = "react";
  Id room = 0;
  Seq target = 0;
  std::string emoji;
  bool on = true;
  bool operator==(const React&) const = default;
};
struct History {
  static constexpr const char* kType = "history";
  Id room = 0;
  std::optional<Seq> before;
  std::optional<Seq> after;
  std::int64_t limit = 50;
  bool operator==(const History&) const = default;
};
struct Read {
  static constexpr const char* kType = "read";
  Id room = 0;
  Seq seq = 0;
  bool operator==(const Read&) const = default;
};
struct Typing {
  static constexpr const char* kType = "typing";
  Id room = 0;
  bool operator==(const Typing&) const = default;
};

// Adds every rooms client message; `limits` must outlive `set`.
void add_room_messages(MessageSet& set, const Limits& limits);

// ---- server -> client -----------------------------------------------------

struct RoomInfo {
  Id id = 0;
  std::string name;
  std::string topic;
  std::string visibility;  // "open" | "private"
  Seq last_seq = 0;
  bool archived = false;  // read-only
  bool member = false;
  // members only:
  std::string role;  // "owner" | "moderator" | "member"
  Seq read_seq = 0;
  std::int64_t unread = 0;
  std::int64_t mentions = 0;
  std::vector<Id> online;
};

struct MemberInfo {
  Id user = 0;
  std::string display_name;
  std::string institution;
  std::string country;
  std::string role;
  bool online = false;
};

struct MessageInfo {
  Seq seq = 0;
  Id by = 0;
  std::string author_name;
  Millis at = 0;
  std::string text;
  std::string lang;
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;
  std::optional<Millis> edited_at;
  bool deleted = false;
  std::vector<std::pair<std::string, std::vector<Id>>> reactions;
};

struct Rooms {
  static constexpr const char* kType = "rooms";
  Json rid;
  std::vector<RoomInfo> rooms;
  std::optional<Cursor> next;  // more rooms after this page
};
struct RoomReply {
  static constexpr const char* kType = "room";
  Json rid;
  RoomInfo room;
};
struct Left {
  static constexpr const char* kType = "left";
  Json rid;
  Id room = 0;
};
struct Members {
  static constexpr const char* kType = "members";
  Json rid;
  Id room = 0;
  std::vector<MemberInfo> members;
  std::optional<Cursor> next;
};
// The ack of a room event write: the core's ack plus `room` and `cmid`.
struct RoomAck {
  static constexpr const char* kType = "ack";
  Json rid;
  Id room = 0;
  Seq seq = 0;
  std::string cmid;
};
struct HistoryReply {
  static constexpr const char* kType = "history";
  Json rid;
  Id room = 0;
  std::vector<MessageInfo> messages;
  bool has_more = false;
};
struct ReadMarker {
  static constexpr const char* kType = "read_marker";
  Json rid;
  Id room = 0;
  Seq read_seq = 0;
  std::int64_t unread = 0;
  std::int64_t mentions = 0;
};
struct TypingNotice {
  static constexpr const char* kType = "typing";
  Id room = 0;
  Id user = 0;
  std::string display_name;
};
struct Presence {
  static constexpr const char* kType = "presence";
  Id room = 0;
  Id user = 0;
  bool online = false;
};

void to_json(Json& j, const RoomInfo& r);
void to_json(Json& j, const MemberInfo& m);
void to_json(Json& j, const MessageInfo& m);
void to_json(Json& j, const Rooms& m);
void to_json(Json& j, const RoomReply& m);
void to_json(Json& j, const Left& m);
void to_json(Json& j, const Members& m);
void to_json(Json& j, const RoomAck& m);
void to_json(Json& j, const HistoryReply& m);
void to_json(Json& j, const ReadMarker& m);
void to_json(Json& j, const TypingNotice& m);
void to_json(Json& j, const Presence& m);

// ---- event bodies (stored once, sent as stored; core/messages.hpp event_frame)

struct MessageEvent {
  Id room = 0;
  Id by = 0;
  Millis at = 0;
  std::string author_name;  // the display name when it was written
  std::string text;
  std::string lang;
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;
  std::string cmid;
};
// An edit, deletion or reaction of message `target`.
struct ChangeEvent {
  std::string kind;  // "edit" | "delete" | "reaction"
  Id room = 0;
  Id by = 0;
  Millis at = 0;
  Seq target = 0;
  std::string text;   // edit
  std::string emoji;  // reaction
  bool on = false;    // reaction
};

// The stored body of each event: a JSON object without type, stream and seq.
std::string body(const MessageEvent& e);
std::string body(const ChangeEvent& e);

}  // namespace praxis::protocol::rooms
