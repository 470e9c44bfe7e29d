// Private to server/rooms: the feature's settings and what its handlers share.
#pragma once

#include <cstdint>

#include "protocol/rooms/limits.hpp"
#include "server/core/limits/rate_limiter.hpp"
#include "storage/rooms/types.hpp"

namespace praxis::server::rooms {

inline constexpr const char* kStreamKind = "room";

struct Config {
  protocol::rooms::Limits limits;
  storage::rooms::Caps caps;
  // Per user, over all its connections.
  double messages_per_second = 10;  // posts, edits, deletions, reactions
  double messages_burst = 30;
  double actions_per_second = 2;  // room create/join/leave/invite/roles
  double actions_burst = 20;
  double reads_per_second = 10;  // read markers
  double reads_burst = 30;
  double queries_per_second = 20;  // rooms_list, room_members, history
  double queries_burst = 100;
  double typing_per_second = 0.5;  // typing notices passed on
  double typing_burst = 3;
  std::size_t reply_budget_bytes = 256 * 1024;  // largest list or history reply
};

struct State {
  explicit State(const Config& c)
      : config(c),
        messages(c.messages_per_second, c.messages_burst),
        actions(c.actions_per_second, c.actions_burst),
        reads(c.reads_per_second, c.reads_burst),
        queries(c.queries_per_second, c.queries_burst),
        typing(c.typing_per_second, c.typing_burst) {}

  const Config& config;
  RateLimiter messages;
  RateLimiter actions;
  RateLimiter reads;
  RateLimiter queries;
  RateLimiter typing;
};

}  // namespace praxis::server::rooms
