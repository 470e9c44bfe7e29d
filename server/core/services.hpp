// What a feature may use outside a request (Feature::start) and inside one
// (Context and Http build on this): reads on a borrowed connection, writes
// through the group-commit writer, live connections, the clock and the
// instance's origin. Thread-safe.
#pragma once

#include <string>

#include "server/core/clock.hpp"
#include "server/core/live.hpp"
#include "server/core/settings.hpp"
#include "storage/core/store.hpp"

namespace praxis::server {

struct Core;

class Services {
 public:
  explicit Services(Core& core) : core_(&core) {}

  // fn(storage::Reader&) on this thread; keep it short on a network thread.
  template <class Fn>
  auto read(Fn&& fn) {
    return store().read(std::forward<Fn>(fn));
  }
  // Runs job and waits for its commit: for start-up and HTTP routes (never on
  // a network thread). False: it failed, nothing was stored (logged).
  bool write_sync(storage::Writer::Job job);

  Live& live();
  Clock& clock();
  const std::string& origin() const;
  const Settings& settings() const;

 protected:
  storage::Store& store();
  Core* core_;
};

}  // namespace praxis::server
