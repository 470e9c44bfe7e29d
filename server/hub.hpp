// Who is connected where: the registry of live sessions by room, user, token
// and address, presence, per-user rate limits, and fan-out. Thread-safe: one
// mutex guards the maps; fan-out copies the recipients under the lock and
// posts to their strands after releasing it, sharing one immutable payload.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "protocol/limits.hpp"
#include "server/session.hpp"

namespace praxis::server {

class Hub {
 public:
  using SessionPtr = std::shared_ptr<Session>;

  void add(const SessionPtr& s);
  // Unsubscribes s from every room; returns the rooms where its user went
  // offline (the caller announces presence).
  std::vector<storage::Id> remove(Session* s);

  // True when this made the user online in the room.
  bool subscribe(storage::Id room, const SessionPtr& s);
  // True when this made the user offline in the room.
  bool unsubscribe(storage::Id room, Session* s);

  std::vector<SessionPtr> room_sessions(storage::Id room);
  std::vector<SessionPtr> user_sessions(storage::Id user);
  std::vector<SessionPtr> all_sessions();
  std::vector<storage::Id> online_users(storage::Id room);  // ascending
  std::size_t size();

  // Connections per client address (checked at upgrade, released on close).
  bool try_open_address(const std::string& address, std::size_t max);
  void close_address(const std::string& address);

  // Token bucket per user over all its connections.
  bool allow_message(storage::Id user, const protocol::Limits& limits);

  // Calls fn (on this thread, outside the lock) for every session subscribed
  // to `room` but `except`; fn posts to the session's strand.
  void for_room(storage::Id room, const Session* except,
                const std::function<void(const SessionPtr&)>& fn);

 private:
  struct RoomEntry {
    std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
    std::unordered_map<storage::Id, int> users;  // user -> subscribed sessions
  };
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point last{};
  };

  std::mutex mu_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
  std::unordered_map<Session*, std::unordered_set<storage::Id>> rooms_of_;
  std::unordered_map<storage::Id, RoomEntry> rooms_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::unordered_map<storage::Id, Bucket> buckets_;
};

}  // namespace praxis::server
