#include "server/app.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "server/accounts_api.hpp"
#include "server/listener.hpp"
#include "server/log.hpp"
#include "server/sd_notify.hpp"

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

// On SIGINT/SIGTERM: stop accepting, close every WebSocket with 1001, wait
// (bounded) for them to go, then stop the I/O threads. `timer` belongs to
// run_app, so the polling holds no ownership cycle.
void on_signal(asio::io_context& ioc, Listener& listener, Services& sv, asio::steady_timer& timer) {
  notify_stopping();
  log::info("shutdown_started", {{"connections", std::to_string(sv.hub.size())}});
  listener.stop();
  for (const auto& s : sv.hub.all_sessions()) {
    s->post([s] { s->close(protocol::kCloseGoingAway, "server shutting down"); });
  }
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(sv.settings.shutdown_grace_seconds);
  struct Poll {
    asio::io_context& ioc;
    Services& sv;
    asio::steady_timer& timer;
    std::chrono::steady_clock::time_point deadline;
    void operator()(boost::system::error_code = {}) const {
      if (sv.hub.size() == 0 || std::chrono::steady_clock::now() >= deadline) return ioc.stop();
      timer.expires_after(std::chrono::milliseconds(20));
      timer.async_wait(*this);
    }
  };
  Poll{ioc, sv, timer, deadline}();
}

}  // namespace

int run_app(const Settings& settings) {
  Metrics metrics;
  storage::Store store(
      settings.data_dir,
      [&metrics](double seconds, std::size_t) { metrics.observe_commit(seconds); },
      [](const std::string& what) {
        log::error("write_failed", {{"what", what}});
      });
  Hub hub;
  LoginThrottle throttle(settings.login_failures_before_delay);
  asio::thread_pool workers(2);
  asio::io_context ioc(settings.threads);
  auto tls = tls_context(settings);

  const tcp::endpoint endpoint(asio::ip::make_address(settings.listen), settings.port);
  auto listener = std::make_shared<Listener>(ioc, endpoint, tls.get());
  const auto port = listener->port();
  Services sv{settings,
              store,
              hub,
              metrics,
              throttle,
              workers,
              default_origin(settings, port),
              settings.allowed_origins};
  if (settings.public_url.empty()) {
    // Without a public URL, both loopback spellings of this port are ours.
    sv.extra_origins.push_back(std::string(tls ? "https" : "http") +
                               "://127.0.0.1:" + std::to_string(port));
  }
  bootstrap_admin(sv);
  listener->run(sv);
  write_port_file(settings.port_file, port);
  log::info("listening", {{"addr", settings.listen},
                          {"port", std::to_string(port)},
                          {"data_dir", settings.data_dir},
                          {"url", sv.origin}});
  std::cout << "Praxis is running at " << sv.origin << "/\n" << std::flush;
  notify_ready();

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  asio::steady_timer shutdown_timer(ioc);
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) on_signal(ioc, *listener, sv, shutdown_timer);
  });

  std::vector<std::thread> threads;
  for (int i = 1; i < settings.threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  workers.join();
  store.writer().stop();  // commits everything still queued
  log::info("stopped");
  return 0;
}

}  // namespace praxis::server
