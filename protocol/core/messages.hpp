// The core's own messages (PROTOCOL.md, "Core messages"): hello and resume,
// streams (subscribe, events, synced, resync), acks, errors, ping. Every
// feature's messages sit beside these in protocol/<feature>/messages.hpp.
// Plain structs: `kType` names each on the wire; to_json writes the whole
// server message (type, rid and fields), so encode() is `dump(Json(m))`.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/core/envelope.hpp"
#include "protocol/core/registry.hpp"

namespace praxis::protocol {

using Id = std::int64_t;
using Seq = std::int64_t;
using Millis = std::int64_t;

// ---- client -> server -----------------------------------------------------

struct Hello {
  static constexpr const char* kType = "hello";
  int version = 0;
  std::map<Id, Seq> resume;  // stream -> last seq seen
  bool operator==(const Hello&) const = default;
};
struct Subscribe {
  static constexpr const char* kType = "subscribe";
  Id stream = 0;
  std::optional<Seq> after;  // replay events after this seq first; none: live from now
  bool operator==(const Subscribe&) const = default;
};
struct Unsubscribe {
  static constexpr const char* kType = "unsubscribe";
  Id stream = 0;
  bool operator==(const Unsubscribe&) const = default;
};
struct Ping {
  static constexpr const char* kType = "ping";
  bool operator==(const Ping&) const = default;
};

// Adds hello, subscribe, unsubscribe and ping.
void add_core_messages(MessageSet& set);

// ---- server -> client -----------------------------------------------------

struct Welcome {
  static constexpr const char* kType = "welcome";
  Json user;    // the USER object of the signed-in user
  Json limits;  // the limits a client needs to know: name -> number
};
// A write to a stream is durable: its seq (0 when it changed nothing).
struct Ack {
  static constexpr const char* kType = "ack";
  Json rid;
  Id stream = 0;
  Seq seq = 0;
};
struct Subscribed {
  static constexpr const char* kType = "subscribed";
  Json rid;
  Id stream = 0;
  Seq seq = 0;  // the last seq sent before live events start
};
struct Unsubscribed {
  static constexpr const char* kType = "unsubscribed";
  Json rid;
  Id stream = 0;
};
struct Synced {
  static constexpr const char* kType = "synced";
  std::map<Id, Seq> streams;
};
struct Resync {
  static constexpr const char* kType = "resync";
  Id stream = 0;
  Seq last_seq = 0;
  std::string alias;  // also written as alias: stream (a field v1 clients read)
};
struct Pong {
  static constexpr const char* kType = "pong";
  Json rid;
};
struct ErrorReply {
  static constexpr const char* kType = "error";
  Json rid;
  Error error;
};

void to_json(Json& j, const Welcome& m);
void to_json(Json& j, const Ack& m);
void to_json(Json& j, const Subscribed& m);
void to_json(Json& j, const Unsubscribed& m);
void to_json(Json& j, const Synced& m);
void to_json(Json& j, const Resync& m);
void to_json(Json& j, const Pong& m);
void to_json(Json& j, const ErrorReply& m);

// One server message as compact JSON.
template <class M>
std::string encode(const M& m) {
  Json j;
  to_json(j, m);
  return dump(j);
}

// An event frame spliced from its stored body (a JSON object holding the
// event's own fields): {"type":"event","stream":S,"seq":N,<body's members>}.
// Replay, resume and gap fill send stored bytes without parsing them.
std::string event_frame(Id stream, Seq seq, std::string_view body);

}  // namespace praxis::protocol
