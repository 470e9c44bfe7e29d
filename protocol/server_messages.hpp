// Server -> client messages: a closed set keyed by "type" (PROTOCOL.md 2).
// Plain structs; `rid` is null when the message answers no request.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "protocol/client_messages.hpp"
#include "protocol/errors.hpp"
#include "protocol/limits.hpp"

namespace praxis::protocol {

using Millis = std::int64_t;

struct UserInfo {
  Id id = 0;
  std::optional<std::string> email;  // only for the user themself and admins
  std::string display_name;
  std::string institution;
  std::string country;
  std::vector<std::string> languages;
  std::string time_zone;
  std::string role;  // "admin" | "member"
};

struct RoomInfo {
  Id id = 0;
  std::string name;
  std::string topic;
  std::string visibility;  // "open" | "private"
  Seq last_seq = 0;
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

struct EventInfo {
  Id room = 0;
  Seq seq = 0;
  std::string kind;  // "message" | "edit" | "delete" | "reaction"
  Id by = 0;
  Millis at = 0;
  std::string author_name;  // message
  std::string text;         // message, edit
  std::string lang;         // message
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;
  std::string cmid;
  Seq target = 0;     // edit, delete, reaction
  std::string emoji;  // reaction
  bool on = false;    // reaction
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

struct Welcome {
  UserInfo user;
  Limits limits;
};
struct Rooms {
  nlohmann::json rid;
  std::vector<RoomInfo> rooms;
};
struct RoomReply {
  nlohmann::json rid;
  RoomInfo room;
};
struct Left {
  nlohmann::json rid;
  Id room = 0;
};
struct Members {
  nlohmann::json rid;
  Id room = 0;
  std::vector<MemberInfo> members;
};
struct Ack {
  nlohmann::json rid;
  Id room = 0;
  Seq seq = 0;
  std::string cmid;
};
struct EventMessage {
  EventInfo event;
};
struct HistoryReply {
  nlohmann::json rid;
  Id room = 0;
  std::vector<MessageInfo> messages;
  bool has_more = false;
};
struct ReadMarker {
  nlohmann::json rid;
  Id room = 0;
  Seq read_seq = 0;
  std::int64_t unread = 0;
  std::int64_t mentions = 0;
};
struct TypingNotice {
  Id room = 0;
  Id user = 0;
  std::string display_name;
};
struct Presence {
  Id room = 0;
  Id user = 0;
  bool online = false;
};
struct Synced {
  std::map<Id, Seq> rooms;
};
struct Resync {
  Id room = 0;
  Seq last_seq = 0;
};
struct Pong {
  nlohmann::json rid;
};
struct ErrorReply {
  nlohmann::json rid;
  Error error;
};

using ServerMessage =
    std::variant<Welcome, Rooms, RoomReply, Left, Members, Ack, EventMessage, HistoryReply,
                 ReadMarker, TypingNotice, Presence, Synced, Resync, Pong, ErrorReply>;

// JSON forms of the shared objects (also used by the HTTP API).
void to_json(nlohmann::json& j, const UserInfo& u);

}  // namespace praxis::protocol
