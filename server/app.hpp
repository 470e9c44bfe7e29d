// The whole praxisd process: opens storage, binds, serves until SIGINT or
// SIGTERM, then stops gently (close 1001 to every client, a bounded wait,
// every queued write committed). Returns the process exit code.
#pragma once

#include "server/settings.hpp"

namespace praxis::server {

int run_app(const Settings& settings);

}  // namespace praxis::server
