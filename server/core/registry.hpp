// What a feature may plug into the core, at start (Feature::attach): its
// client message types and their handlers, its HTTP routes, its kinds of
// stream, the authenticator (who owns a login session), and the limits a
// client should know. The core looks things up here; after start the
// registry is only read (thread-safe then).
#pragma once

#include <any>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "protocol/core/registry.hpp"
#include "server/core/http_types.hpp"
#include "server/core/principal.hpp"

namespace praxis::storage {
class Reader;
}

namespace praxis::server {

class Context;
class Http;
class Live;

// A stream kind's rules (a room, a thread, a board, ...).
struct StreamPolicy {
  // May this user read the stream (subscribe, resume)? On a network thread.
  std::function<bool(storage::Reader&, const Principal&, Id stream)> may_read;
  // The streams of this kind a connection is subscribed to at hello.
  std::function<std::vector<Id>(storage::Reader&, const Principal&)> standing;
  // A user's first standing subscription to a stream began, or the last ended.
  std::function<void(Live&, Id stream, Id user, bool present)> presence;
  // A v1 field that also names the stream's id in `resync` ("room"): "" for none.
  std::string alias;
};

// The user of a login session (by the hash of its token), if it is live at `now`.
using Authenticator = std::function<std::optional<Principal>(
    storage::Reader&, const std::string& token_hash, Millis)>;

using HttpHandler = std::function<HttpResponse(Http&)>;

struct RouteOptions {
  // CPU-heavy (password hashing): runs on its own bounded pool, so that it
  // never holds up other requests; over heavy_queue waiting: 503.
  bool heavy = false;
};

struct Route {
  std::string method;
  std::string pattern;  // "/api/users/{id}/sessions": {name} matches one segment
  HttpHandler handle;
  RouteOptions options;
};

class Registry {
 public:
  using Handler = std::function<void(Context&, const std::any&)>;

  Registry();  // with the core's own messages (hello, subscribe, unsubscribe, ping)

  // The client message decoders: a feature adds its own first.
  protocol::MessageSet& decoders() { return decoders_; }
  const protocol::MessageSet& decoders() const { return decoders_; }

  // The handler of Msg (named Msg::kType, whose decoder must be added).
  template <class Msg, class Fn>
  void message(Fn handle) {
    put(Msg::kType, [handle = std::move(handle)](Context& c, const std::any& m) {
      handle(c, std::any_cast<const Msg&>(m));
    });
  }
  void route(std::string method, std::string pattern, HttpHandler handle, RouteOptions o = {});
  void stream_kind(const std::string& kind, StreamPolicy policy);
  void authenticator(Authenticator a);
  // A limit the client is told in `welcome` (name -> number).
  void advertise(const std::string& name, std::int64_t value);

  // ---- lookups (the core) ----
  const Handler* handler(const std::string& type) const;
  const StreamPolicy* policy(const std::string& kind) const;
  const std::map<std::string, StreamPolicy>& stream_kinds() const { return kinds_; }
  const std::vector<Route>& routes() const { return routes_; }
  const Authenticator& authenticator() const { return authenticator_; }
  const std::map<std::string, std::int64_t>& advertised() const { return advertised_; }

 private:
  void put(const std::string& type, Handler h);

  protocol::MessageSet decoders_;
  std::unordered_map<std::string, Handler> handlers_;
  std::map<std::string, StreamPolicy> kinds_;
  std::vector<Route> routes_;
  Authenticator authenticator_;
  std::map<std::string, std::int64_t> advertised_;
};

}  // namespace praxis::server
