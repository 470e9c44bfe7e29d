#include "server/core/limits/rate_limiter.hpp"

#include <algorithm>
#include <iterator>

namespace praxis::server {

bool RateLimiter::allow(std::int64_t key, Clock::time_point now) {
  std::lock_guard lock(mu_);
  auto refill = [&](Bucket& b) {
    const double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * rate_);
    b.last = std::max(b.last, now);  // callers' clocks may arrive out of order
  };
  if (buckets_.size() >= max_keys_ && !buckets_.count(key)) {
    // A full bucket holds no information: forget those.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      refill(it->second);
      it = it->second.tokens >= burst_ ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = buckets_.try_emplace(key);
  auto& b = it->second;
  if (fresh) {
    b.tokens = burst_;
    b.last = now;
  } else {
    refill(b);
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

}  // namespace praxis::server
