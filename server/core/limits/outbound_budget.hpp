// The outbound memory bounds (PROTOCOL.md 4): bytes queued for one connection
// (max_queue_bytes), and the memory held for delivery to all of them together
// (max_outbound_bytes; outbound_memory() below: a message shared by a thousand
// queues counts once, plus kQueueEntryBytes per queued copy). One
// connection past its own bound is cut (4008). Past the global budget the
// slow readers go first: a connection holding more than slow_mark() whose
// write has waited for the peer longer than kStall is cut at its next
// message, or when a write is refused. A reader that takes what it is sent
// is not cut, however far behind a burst leaves it; for while the total stays
// over the budget, new writes are refused `unavailable` (Context::write), so
// that a burst into many readers that keep up, only not fast enough, stops
// growing at its source instead of at the readers.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace praxis::server {

// Process-wide: the bytes of every live payload (server/core/delivery.hpp
// make_payload), plus kQueueEntryBytes per payload queued for a connection.
std::atomic<std::int64_t>& outbound_memory();
// A queued copy's own cost: its shared_ptr in the queue, then in the write's
// list and buffer sequence.
inline constexpr std::int64_t kQueueEntryBytes = 48;

struct OutboundBudget {
  std::size_t per_connection = 0;  // max_queue_bytes
  std::size_t total = 0;           // max_outbound_bytes
  // Over the budget, a reader holding more than an eighth of the smaller bound is slow.
  static constexpr std::size_t kSlowShare = 8;
  // Longer than a reader that takes what it is sent lags behind a burst.
  static constexpr std::chrono::milliseconds kStall{10000};

  std::size_t slow_mark() const { return std::min(per_connection, total) / kSlowShare; }
  bool over(std::int64_t memory) const {
    return memory > 0 && static_cast<std::size_t>(memory) > total;
  }
  // Whether a connection holding `queued` is cut, with outbound_memory() at
  // `memory`; stalled: its write has waited longer than kStall.
  bool cuts(std::size_t queued, std::int64_t memory, bool stalled) const {
    return queued > per_connection || (stalled && over(memory) && queued > slow_mark());
  }
};

}  // namespace praxis::server
