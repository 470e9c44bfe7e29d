// The outbound memory bounds (PROTOCOL.md 4): bytes queued for one connection
// (max_queue_bytes) and for all of them together (max_outbound_bytes). One
// connection past its own bound is cut (4008). Past the global budget the
// slow readers go first: a connection holding more than slow_mark() is cut
// at its next message, or when a write is refused; for while the total stays
// over the budget, new writes are refused `unavailable` (Context::write), so
// that a burst into many readers that keep up, only not fast enough, stops
// growing at its source instead of at the readers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace praxis::server {

struct OutboundBudget {
  std::size_t per_connection = 0;  // max_queue_bytes
  std::size_t total = 0;           // max_outbound_bytes
  // Over the budget, a reader holding more than an eighth of the smaller bound is slow.
  static constexpr std::size_t kSlowShare = 8;

  std::size_t slow_mark() const { return std::min(per_connection, total) / kSlowShare; }
  bool over(std::int64_t all_queued) const {
    return all_queued > 0 && static_cast<std::size_t>(all_queued) > total;
  }
  // Whether a connection holding `queued` is cut, with `all_queued` over all.
  bool cuts(std::size_t queued, std::int64_t all_queued) const {
    return queued > per_connection || (over(all_queued) && queued > slow_mark());
  }
};

}  // namespace praxis::server
