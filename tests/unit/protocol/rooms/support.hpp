// Helpers for the rooms protocol tests: the message set praxisd builds (the
// core's messages and the rooms feature's), and a check that a decoded Request
// holds a given message.
#pragma once

#include <any>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "../support.hpp"
#include "protocol/core/messages.hpp"
#include "protocol/core/registry.hpp"
#include "protocol/rooms/messages.hpp"

namespace praxis::protocol::rooms::test {

using namespace praxis::protocol::test;

// The core's and the rooms feature's decoders over `limits` (kept here: the
// decoders refer to them, so the set is neither copied nor moved).
class Decoder {
 public:
  explicit Decoder(const Limits& limits = {}) : limits_(limits) {
    add_core_messages(set_);
    add_room_messages(set_, limits_);
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  Decoded operator()(std::string_view frame) const { return set_.decode(frame); }
  const MessageSet& set() const { return set_; }

 private:
  Limits limits_;
  MessageSet set_;
};

// Every client message of the core and of rooms.
using ClientMessage =
    std::variant<Hello, Subscribe, Unsubscribe, Ping, RoomsList, RoomCreate, RoomJoin, RoomLeave,
                 RoomInvite, RoomMembers, RoomSetRole, RoomRemove, RoomTransfer, RoomUpdate, Post,
                 Edit, Delete, React, History, Read, Typing>;

inline std::string type_of(const ClientMessage& m) {
  return std::visit([](const auto& v) { return std::string(std::decay_t<decltype(v)>::kType); }, m);
}

// The Request holds exactly `expected`: its type name and its struct.
inline bool holds(const Request& r, const ClientMessage& expected) {
  return std::visit(
      [&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        const auto* got = std::any_cast<T>(&r.message);
        return r.type == T::kType && got != nullptr && *got == m;
      },
      expected);
}

}  // namespace praxis::protocol::rooms::test
