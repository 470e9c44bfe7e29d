#include "server/core/settings.hpp"

namespace praxis::server {

void add_core_options(Options& o, Settings& s) {
  o.add("listen", s.listen, "address to bind");
  o.add("port", s.port, "port to bind; 0 picks a free one");
  o.add("port_file", s.port_file, "write the bound port to this file once listening");
  o.add("data_dir", s.data_dir, "folder of the SQLite database (praxis.db)");
  o.add("public_url", s.public_url,
        "the instance's own origin (links, WebSocket Origin check); default http://localhost:PORT");
  o.add("allowed_origins", s.allowed_origins,
        "more origins allowed to open WebSockets, comma-separated");
  o.add("trusted_proxies", s.trusted_proxies,
        "addresses of reverse proxies whose X-Forwarded-For/X-Real-IP name the client");
  o.add("tls_cert", s.tls_cert, "PEM certificate chain: serve HTTPS/WSS only (with tls_key)");
  o.add("tls_key", s.tls_key, "PEM private key of tls_cert");
  o.add("threads", s.threads, "network threads").at_least(1).at_most(256);
  o.add("http_threads", s.http_threads, "threads for HTTP API requests").at_least(1).at_most(256);
  o.add("heavy_threads", s.heavy_threads, "threads for CPU-heavy requests (password hashing)")
      .at_least(1)
      .at_most(256);
  o.add("heavy_queue", s.heavy_queue, "heavy requests that may wait; more are answered 503")
      .at_least(1);
  o.add("read_threads", s.read_threads, "threads for long reads (search, export, big lists)")
      .at_least(1)
      .at_most(256);
  o.add("read_queue", s.read_queue, "long reads that may wait; more are answered unavailable")
      .at_least(1);
  o.add("web_root", s.web_root, "folder of the built web client");
  o.add("shutdown_grace_seconds", s.shutdown_grace_seconds,
        "on SIGTERM/SIGINT, how long clients get to close")
      .at_least(0);
  o.add("request_timeout_seconds", s.request_timeout_seconds,
        "time to read one HTTP request (and to finish a TLS handshake)")
      .at_least(1);
  o.add("handshake_timeout_seconds", s.handshake_timeout_seconds,
        "WebSocket handshake and hello deadline (close 4001)")
      .at_least(1);
  o.add("idle_timeout_seconds", s.idle_timeout_seconds, "WebSocket idle (ping) timeout")
      .at_least(1);
  o.add("max_frame_bytes", s.max_frame_bytes, "largest client WebSocket message (close 1009)")
      .at_least(256);
  o.add("max_queue_bytes", s.max_queue_bytes,
        "bytes waiting for one connection before it is cut off (close 4008)")
      .at_least(1024);
  o.add("max_outbound_bytes", s.max_outbound_bytes,
        "memory held for delivery to all connections; past it writes are refused "
        "(unavailable) and readers that stopped are cut (close 4008)")
      .at_least(1024);
  o.add("max_body_bytes", s.max_body_bytes, "largest HTTP request body (413)").at_least(1024);
  o.add("resume_max_events", s.resume_max_events,
        "events replayed per stream on reconnect before asking for a resync")
      .at_least(1);
  o.add("subscribes_per_second", s.subscribes_per_second, "per-user rate of subscribe requests")
      .at_least(0.001);
  o.add("subscribes_burst", s.subscribes_burst, "per-user burst of subscribe requests").at_least(1);
  o.add("max_replays", s.max_replays,
        "subscriptions of one connection waiting for their replay; more are rate_limited")
      .at_least(1);
  o.add("presence_tick_ms", s.presence_tick_ms,
        "presence changes of one stream are gathered this long and sent together (0: at once)")
      .at_least(0);
  o.add("max_connections", s.max_connections,
        "open connections in all; capped below the process's file-descriptor limit")
      .at_least(1);
  o.add("max_connections_per_address", s.max_connections_per_address,
        "open WebSockets per client address (429)")
      .at_least(1);
  o.add("max_http_connections_per_address", s.max_http_connections_per_address,
        "open sockets per peer address, trusted proxies exempt")
      .at_least(1);
  o.check([&s] {
    if (s.tls_cert.empty() != s.tls_key.empty())
      return std::string("tls_cert and tls_key go together");
    if (s.max_queue_bytes < s.max_frame_bytes) {
      return std::string("max_queue_bytes must be at least max_frame_bytes");
    }
    return std::string();
  });
}

}  // namespace praxis::server
