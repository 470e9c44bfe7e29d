// What features may do to live connections, from any thread: volatile
// broadcasts (typing, presence: no seq, not stored), work for every
// connection of a user (in order with its events), granting and revoking a
// user's standing subscription to a stream after a membership change, and
// closing connections when a session ends. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/core/connection.hpp"

namespace praxis::server {

struct Core;

class Live {
 public:
  explicit Live(Core& core) : core_(core) {}

  // Sends p to every subscriber of `stream` but the connections of `except_user`.
  void broadcast(Id stream, const Payload& p, Id except_user = 0);
  // Sends `text` to every subscriber of `stream` within presence_tick_ms,
  // with what else was gathered for the stream meanwhile (one payload, one
  // message a line, in order): for what arrives in crowds, as presence when a
  // whole class connects at once.
  void broadcast_gathered(Id stream, std::string text);
  // Users with a standing subscription to `stream` (ascending).
  std::vector<Id> present(Id stream);
  // Runs fn on the strand of every connection of `user`, behind what is queued
  // for it (a commit's answer reaches it after the events committed before).
  void to_user(Id user, const std::function<void(Connection&)>& fn);
  // Sends p to every open connection but those of `except_users` (ascending):
  // news for everyone (a new open room), behind what is queued for each.
  void to_everyone(const Payload& p, std::span<const Id> except_users = {});
  // Every connection of `user` is subscribed to `stream` (of `kind`), live
  // after `from` (its last seq when the membership began). Call it from a
  // write's continuation: it takes effect in commit order.
  void grant(Id user, Id stream, const std::string& kind, Seq from);
  // Every connection of `user` stops receiving `stream`, in commit order.
  void revoke(Id user, Id stream);
  // Closes every connection of `user` (all but those of session `keep`).
  void close_user(Id user, std::uint16_t code, const std::string& reason,
                  const std::string& keep = {});
  // Closes every connection of the login session with this token hash.
  void close_session(Id user, const std::string& token_hash, std::uint16_t code,
                     const std::string& reason);

  // How many revokes and session closes have begun: a read of a session or a
  // membership taken while this is unchanged cannot have missed the end of
  // either (each counts before it looks for connections to end).
  std::uint64_t endings() const { return endings_.load(); }

  // The core: tells the stream kind's presence hook.
  void announce(Id stream, const std::string& kind, Id user, bool present);

 private:
  void flush_gathered();

  Core& core_;
  std::mutex mu_;
  std::unordered_map<Id, std::string> gathered_;  // stream -> messages, one a line
  bool flush_pending_ = false;
  std::atomic<std::uint64_t> endings_{0};
};

}  // namespace praxis::server
