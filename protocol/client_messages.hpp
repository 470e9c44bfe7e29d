// Client -> server messages: a closed set keyed by "type" (PROTOCOL.md 2).
// Plain structs with memberwise ==; decoding and validation live in codec.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace praxis::protocol {

using Id = std::int64_t;
using Seq = std::int64_t;

struct Hello {
  int version = 0;
  std::map<Id, Seq> resume;  // room -> last seen seq
  bool operator==(const Hello&) const = default;
};
struct RoomsList {
  bool operator==(const RoomsList&) const = default;
};
struct RoomCreate {
  std::string name;
  bool is_private = false;
  std::string topic;
  bool operator==(const RoomCreate&) const = default;
};
struct RoomJoin {
  Id room = 0;
  bool operator==(const RoomJoin&) const = default;
};
struct RoomLeave {
  Id room = 0;
  bool operator==(const RoomLeave&) const = default;
};
struct RoomInvite {
  Id room = 0;
  Id user = 0;
  bool operator==(const RoomInvite&) const = default;
};
struct RoomMembers {
  Id room = 0;
  bool operator==(const RoomMembers&) const = default;
};
struct Post {
  Id room = 0;
  std::string text;
  std::string lang;
  std::string cmid;
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;
  bool operator==(const Post&) const = default;
};
struct Edit {
  Id room = 0;
  Seq target = 0;
  std::string text;
  bool operator==(const Edit&) const = default;
};
struct Delete {
  Id room = 0;
  Seq target = 0;
  bool operator==(const Delete&) const = default;
};
struct React {
  Id room = 0;
  Seq target = 0;
  std::string emoji;
  bool on = true;
  bool operator==(const React&) const = default;
};
struct History {
  Id room = 0;
  std::optional<Seq> before;
  std::optional<Seq> after;
  std::int64_t limit = 50;
  bool operator==(const History&) const = default;
};
struct Read {
  Id room = 0;
  Seq seq = 0;
  bool operator==(const Read&) const = default;
};
struct Typing {
  Id room = 0;
  bool operator==(const Typing&) const = default;
};
struct Ping {
  bool operator==(const Ping&) const = default;
};

using ClientMessage =
    std::variant<Hello, RoomsList, RoomCreate, RoomJoin, RoomLeave, RoomInvite, RoomMembers, Post,
                 Edit, Delete, React, History, Read, Typing, Ping>;

// A decoded client frame: the message and its request id (null if none).
struct Request {
  nlohmann::json rid;
  ClientMessage message;
  bool operator==(const Request&) const = default;
};

}  // namespace praxis::protocol
