// The core's settings (its features register theirs: Feature::options). The
// defaults here are the documented ones (README.md, Configuration).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "server/core/limits/outbound_budget.hpp"
#include "server/core/options.hpp"

namespace praxis::server {

struct Settings {
  std::string listen = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string data_dir = "data";
  std::string port_file;   // written with the bound port once listening
  std::string public_url;  // the instance's own origin; default http://localhost:PORT
  std::vector<std::string> allowed_origins;
  // Peers whose X-Forwarded-For / X-Real-IP name the client (a reverse proxy).
  std::vector<std::string> trusted_proxies;
  std::string tls_cert;  // PEM files; both set = HTTPS/WSS only
  std::string tls_key;
  int threads = 2;               // network threads
  int http_threads = 2;          // HTTP API requests
  int heavy_threads = 1;         // CPU-heavy requests (password hashing)
  std::size_t heavy_queue = 16;  // heavy requests waiting at most; more: 503
  int read_threads = 2;          // long reads off the network threads
  std::size_t read_queue = 64;   // long reads waiting or running at most; more: unavailable
  std::string web_root;          // built web client; empty = a placeholder page
  int shutdown_grace_seconds = 5;
  int request_timeout_seconds = 30;  // to read one HTTP request (or finish TLS setup)
  int handshake_timeout_seconds = 10;
  int idle_timeout_seconds = 60;
  std::size_t max_frame_bytes = 64 * 1024;
  std::size_t max_queue_bytes = 4 * 1024 * 1024;
  std::size_t max_outbound_bytes = 256 * 1024 * 1024;  // queued for all connections
  std::size_t max_body_bytes = 64 * 1024;
  std::int64_t resume_max_events = 10000;
  double subscribes_per_second = 10;  // per user: subscribe requests
  double subscribes_burst = 100;
  std::size_t max_replays = 16;         // per connection: subscriptions being replayed at once
  int presence_tick_ms = 50;            // presence changes of a stream gathered this long
  std::size_t max_connections = 10000;  // open sockets in all (capped below the fd limit)
  std::size_t max_connections_per_address = 64;        // WebSockets per client address
  std::size_t max_http_connections_per_address = 256;  // sockets per peer (not for proxies)

  OutboundBudget outbound_budget() const { return {max_queue_bytes, max_outbound_bytes}; }
};

// Registers every core setting (pointing into `s`) and its cross-checks.
void add_core_options(Options& o, Settings& s);

}  // namespace praxis::server
