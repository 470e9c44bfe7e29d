// What the core's own parts share (transport, delivery, resume, dispatch,
// routing, auth): owned by App (app.hpp), which outlives every connection.
// Features never see this; they get a Context (context.hpp), an Http
// (http.hpp) or Services (services.hpp).
#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "server/core/clock.hpp"
#include "server/core/hub.hpp"
#include "server/core/limits/connection_limits.hpp"
#include "server/core/limits/rate_limiter.hpp"
#include "server/core/live.hpp"
#include "server/core/metrics.hpp"
#include "server/core/registry.hpp"
#include "server/core/settings.hpp"
#include "storage/core/store.hpp"

namespace praxis::server {

struct Core {
  Core(const Settings& s, const Registry& r, Clock& c)
      : settings(s),
        registry(r),
        clock(c),
        subscribes(s.subscribes_per_second, s.subscribes_burst) {}

  const Settings& settings;
  const Registry& registry;
  Clock& clock;
  storage::Store* store = nullptr;
  Hub hub;
  Metrics metrics;
  Live live{*this};
  ConnectionLimits connections;
  RateLimiter subscribes;  // per user
  // The instance's own origin ("http://localhost:8080"), fixed after bind, and
  // the other origins allowed to open WebSockets.
  std::string origin;
  std::vector<std::string> extra_origins;
  boost::asio::thread_pool* workers = nullptr;  // HTTP routes
  boost::asio::thread_pool* heavy = nullptr;    // CPU-heavy routes, at most heavy_queue waiting
  boost::asio::thread_pool* reads = nullptr;    // Context::read_off_strand
  std::atomic<std::size_t> heavy_waiting{0};
  std::atomic<std::size_t> reads_waiting{0};  // queued or running on `reads`
  std::atomic<Millis> last_slow_scan{0};      // cut_slow_readers (delivery.hpp)
};

}  // namespace praxis::server
