// A token bucket per key (a user): `rate` actions per second on average, up
// to `burst` at once. Memory stays bounded: idle full buckets are forgotten
// when the table is full. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace praxis::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(double rate, double burst, std::size_t max_keys = 100000)
      : rate_(rate), burst_(burst), max_keys_(max_keys) {}

  // Takes one token for `key`; false when none is left (refuse the action).
  bool allow(std::int64_t key, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point last{};
  };
  double rate_;
  double burst_;
  std::size_t max_keys_;
  std::mutex mu_;
  std::unordered_map<std::int64_t, Bucket> buckets_;
};

}  // namespace praxis::server
