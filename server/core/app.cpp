#include "server/core/app.hpp"

#include <sys/resource.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "protocol/core/limits.hpp"
#include "server/core/core.hpp"
#include "server/core/fanout.hpp"
#include "server/core/listener.hpp"
#include "server/core/log.hpp"
#include "server/core/sd_notify.hpp"
#include "server/core/services.hpp"
#include "storage/migrations/ledger.hpp"

namespace praxis::server {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

std::string default_origin(const Settings& s, std::uint16_t port) {
  if (!s.public_url.empty()) {
    auto url = s.public_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
  }
  return std::string(s.tls_cert.empty() ? "http" : "https") +
         "://localhost:" + std::to_string(port);
}

void write_port_file(const std::string& path, std::uint16_t port) {
  if (path.empty()) return;
  const auto tmp = path + ".tmp";
  std::ofstream(tmp) << port << '\n';
  std::filesystem::rename(tmp, path);
}

std::unique_ptr<asio::ssl::context> tls_context(const Settings& s) {
  if (s.tls_cert.empty()) return nullptr;
  auto ctx = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                   asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                   asio::ssl::context::no_tlsv1_1);
  ctx->use_certificate_chain_file(s.tls_cert);
  ctx->use_private_key_file(s.tls_key, asio::ssl::context::pem);
  return ctx;
}

// Open connections in all: the setting, but below the descriptor limit with
// room for the database (readers, writer, WAL files), the listener and logs.
std::size_t connection_cap(const Settings& s, std::size_t descriptors_in_use) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
    return s.max_connections;
  }
  const std::size_t reserve = descriptors_in_use + 32;
  const std::size_t fds = limit.rlim_cur > reserve ? limit.rlim_cur - reserve : 1;
  return std::min(s.max_connections, fds);
}

// On SIGINT/SIGTERM: stop accepting, close every WebSocket with 1001, wait
// (bounded) for them to go, then stop the I/O threads.
void on_signal(asio::io_context& ioc, Listener& listener, Core& core, asio::steady_timer& timer) {
  notify_stopping();
  log::info("shutdown_started", {{"connections", std::to_string(core.hub.size())}});
  listener.stop();
  for (const auto& c : core.hub.all_connections()) {
    c->post([c] { c->close(protocol::kCloseGoingAway, "server shutting down"); });
  }
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(core.settings.shutdown_grace_seconds);
  struct Poll {
    asio::io_context& ioc;
    Core& core;
    asio::steady_timer& timer;
    std::chrono::steady_clock::time_point deadline;
    void operator()(boost::system::error_code = {}) const {
      if (core.hub.size() == 0 || std::chrono::steady_clock::now() >= deadline) return ioc.stop();
      timer.expires_after(std::chrono::milliseconds(20));
      timer.async_wait(*this);
    }
  };
  Poll{ioc, core, timer, deadline}();
}

}  // namespace

App::App() { add_core_options(options_, settings_); }

int App::run(int argc, const char* const* argv) {
  for (auto& f : features_) f->options(options_);
  if (auto err = options_.parse(argc, argv); !err.empty()) {
    std::cerr << "praxisd: " << err << "\n(praxisd --help lists every setting)\n";
    return 2;
  }
  if (options_.help_requested()) {
    std::cout << options_.help();
    return 0;
  }
  try {
    for (auto& f : features_) f->attach(registry_);
    return serve();
  } catch (const std::exception& e) {
    log::error("fatal", {{"what", e.what()}});
    std::cerr << "praxisd: " << e.what() << "\n";
    return 1;
  }
}

int App::serve() {
  const auto& s = settings_;
  Core core(s, registry_, clock_);
  // One reader per thread that reads: it never waits for one.
  const auto readers =
      static_cast<std::size_t>(s.threads + s.http_threads + s.heavy_threads + s.read_threads + 1);
  storage::Store store(
      s.data_dir, storage::schema(),
      {readers, [&core](double seconds, std::size_t) { core.metrics.observe_commit(seconds); },
       [](const std::string& what) {
         log::error("write_failed", {{"what", what}});
       },
       [&core](const std::function<void()>& run_done) { gather_fanout(core, run_done); }});
  core.store = &store;
  asio::thread_pool workers(s.http_threads);
  asio::thread_pool heavy(s.heavy_threads);
  asio::thread_pool reads(s.read_threads);
  core.workers = &workers;
  core.heavy = &heavy;
  core.reads = &reads;
  core.connections.configure(connection_cap(s, readers + 8), s.max_http_connections_per_address,
                             s.max_connections_per_address, s.trusted_proxies);

  asio::io_context ioc(s.threads);
  auto tls = tls_context(s);
  const tcp::endpoint endpoint(asio::ip::make_address(s.listen), s.port);
  auto listener = std::make_shared<Listener>(ioc, endpoint, tls.get());
  const auto port = listener->port();
  core.origin = default_origin(s, port);
  core.extra_origins = s.allowed_origins;
  if (s.public_url.empty()) {
    // Without a public URL, both loopback spellings of this port are ours.
    core.extra_origins.push_back(std::string(tls ? "https" : "http") +
                                 "://127.0.0.1:" + std::to_string(port));
  }
  Services services(core);
  for (auto& f : features_) f->start(services);
  listener->run(core);
  write_port_file(s.port_file, port);
  log::info("listening", {{"addr", s.listen},
                          {"port", std::to_string(port)},
                          {"data_dir", s.data_dir},
                          {"url", core.origin}});
  std::cout << "Praxis is running at " << core.origin << "/\n" << std::flush;
  notify_ready();

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  asio::steady_timer shutdown_timer(ioc);
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) on_signal(ioc, *listener, core, shutdown_timer);
  });
  std::vector<std::thread> threads;
  for (int i = 1; i < s.threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  workers.join();
  heavy.join();
  reads.join();
  store.writer().stop();  // commits everything still queued
  log::info("stopped");
  return 0;
}

}  // namespace praxis::server
