// The one wall clock of the process (milliseconds since the epoch, as stored
// in the database). Injected where time matters, so that tests can set it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace praxis::server {

using Millis = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis now() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
};

// A clock that stands still until told otherwise (tests).
class FixedClock : public Clock {
 public:
  explicit FixedClock(Millis t) : t_(t) {}
  Millis now() const override { return t_.load(); }
  void set(Millis t) { t_.store(t); }

 private:
  std::atomic<Millis> t_;
};

}  // namespace praxis::server
