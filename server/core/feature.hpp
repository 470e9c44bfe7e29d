// What a feature gives the core (server/main.cpp adds each with one line):
// its settings, its registrations, and work at start and stop.
#pragma once

#include <string_view>

namespace praxis::server {

class Options;
class Registry;
class Services;

class Feature {
 public:
  virtual ~Feature() = default;
  virtual std::string_view name() const = 0;
  // Before the settings are parsed: register this feature's settings.
  virtual void options(Options&) {}
  // Once, after parsing: register messages, routes, stream kinds.
  virtual void attach(Registry& r) = 0;
  // Storage is open, nothing listens yet (e.g. create the first admin).
  virtual void start(Services&) {}
};

}  // namespace praxis::server
