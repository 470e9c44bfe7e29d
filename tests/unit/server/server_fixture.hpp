// Test helpers for the server layer: files in a temporary directory, and the
// Services of a server (a Store in a temporary directory, Hub, Metrics,
// LoginThrottle, workers) with no network. Removed again at the end of the test.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "../storage/storage_fixture.hpp"
#include "server/credentials.hpp"
#include "server/http_types.hpp"
#include "server/services.hpp"
#include "storage/write_txn.hpp"

namespace praxis::server::test {

inline constexpr const char* kOrigin = "http://localhost:8080";
inline constexpr const char* kExtraOrigin = "https://extra.example";

using storage::test::TempDir;

// Writes `content` to <dir>/<name>, creating parent folders; returns the path.
inline std::filesystem::path write_file(const TempDir& tmp, const std::string& name,
                                        const std::string& content) {
  const auto p = tmp.dir() / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

class Server : public TempDir {
 public:
  // A member "<name>@example.org" with a session for `token` that never
  // expires (expires_at 0) unless `expires_at` says otherwise.
  storage::User signed_in(const std::string& name, const std::string& token,
                          storage::Millis expires_at = 0) {
    storage::User u;
    u.profile.email = name + "@example.org";
    u.profile.display_name = name;
    u.password_hash = "unused";
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const bool ok = store.writer().run_sync([&](storage::WriteTxn& tx) {
      tx.create_user(u);
      tx.create_session(token_hash(token), u.id, now, expires_at);
    });
    return ok ? u : storage::User{};
  }

  Settings settings;
  storage::Store store{dir() / "data"};
  Hub hub;
  Metrics metrics;
  LoginThrottle throttle{settings.login_failures_before_delay};
  boost::asio::thread_pool workers{1};
  Services sv{settings, store, hub, metrics, throttle, workers, kOrigin, {kExtraOrigin}};
};

// The value of a response header, if present.
inline std::optional<std::string> header(const HttpResponse& res, const std::string& name) {
  for (const auto& [k, v] : res.headers) {
    if (k == name) return v;
  }
  return std::nullopt;
}

}  // namespace praxis::server::test
