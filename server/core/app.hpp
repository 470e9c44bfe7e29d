// The whole praxisd process: its settings, its features, and run(): parse
// the settings, attach the features, open storage, bind, serve until SIGINT
// or SIGTERM, then stop gently (close 1001 to every client, a bounded wait,
// every queued write committed). Everything the process owns lives in run(),
// declared in lifetime order: connections die with the io_context before the
// Core they use.
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "server/core/clock.hpp"
#include "server/core/feature.hpp"
#include "server/core/options.hpp"
#include "server/core/registry.hpp"
#include "server/core/settings.hpp"

namespace praxis::server {

class App {
 public:
  App();

  // Adds a feature (server/main.cpp: one line each, in dependency order).
  template <class F, class... Args>
  F& add(Args&&... args) {
    auto f = std::make_unique<F>(std::forward<Args>(args)...);
    auto& ref = *f;
    features_.push_back(std::move(f));
    return ref;
  }

  // Returns the process exit code (0; 2 for bad settings; 1 for a failure).
  int run(int argc, const char* const* argv);

 private:
  int serve();

  Settings settings_;
  Options options_;
  Registry registry_;
  Clock clock_;
  std::vector<std::unique_ptr<Feature>> features_;
};

}  // namespace praxis::server
