// Process-wide counters, rendered in Prometheus text format for /metrics.
// All members are thread-safe (atomics; the histogram takes a mutex).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace praxis::server {

class Metrics {
 public:
  std::atomic<std::int64_t> connections{0};
  std::atomic<std::uint64_t> http_requests{0};
  std::atomic<std::uint64_t> messages_in{0};
  std::atomic<std::uint64_t> messages_out{0};
  std::atomic<std::int64_t> outbound_queue_bytes{0};
  std::atomic<std::int64_t> outbound_memory_peak_bytes{0};
  std::atomic<std::uint64_t> slow_consumers{0};
  std::atomic<std::uint64_t> writes_refused{0};  // over max_outbound_bytes

  void observe_commit(double seconds);
  // After outbound_memory() (server/core/limits/outbound_budget.hpp) grew to `now`.
  void observe_outbound(std::int64_t now) {
    auto peak = outbound_memory_peak_bytes.load(std::memory_order_relaxed);
    while (now > peak && !outbound_memory_peak_bytes.compare_exchange_weak(peak, now)) {
    }
  }
  // write_queue_depth is read from the writer when rendering.
  std::string render(std::size_t write_queue_depth) const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,  0.1,    0.25,  1.0};
  mutable std::mutex mu_;
  std::array<std::uint64_t, kBuckets.size()> counts_{};
  std::uint64_t commit_count_ = 0;
  double commit_sum_ = 0;
};

}  // namespace praxis::server
