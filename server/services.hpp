// The long-lived parts of the server that request handlers share. Owned by
// main(); everything here is thread-safe.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <string>

#include "server/hub.hpp"
#include "server/login_throttle.hpp"
#include "server/metrics.hpp"
#include "server/settings.hpp"
#include "storage/store.hpp"

namespace praxis::server {

struct Services {
  const Settings& settings;
  storage::Store& store;
  Hub& hub;
  Metrics& metrics;
  LoginThrottle& throttle;
  // Blocking work off the network threads: password hashing, account writes.
  boost::asio::thread_pool& workers;
  // The instance's own origin ("http://localhost:8080"), fixed after bind.
  std::string origin;
  // Extra origins allowed besides `origin`.
  std::vector<std::string> extra_origins;
};

}  // namespace praxis::server
