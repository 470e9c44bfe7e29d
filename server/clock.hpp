// Wall-clock time as stored in the database (milliseconds since the epoch).
#pragma once

#include <chrono>

#include "storage/types.hpp"

namespace praxis::server {

inline storage::Millis now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace praxis::server
