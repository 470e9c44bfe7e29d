// Test helpers for the server layer: a Core (the services connections and
// routes share) over a Store in a temporary directory, with a test
// authenticator (tokens registered with sign_in), and no network. Removed
// again at the end of the test.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "../temp_dir.hpp"
#include "server/core/core.hpp"
#include "server/core/fanout.hpp"
#include "server/core/http_types.hpp"
#include "server/core/tokens.hpp"
#include "storage/migrations/ledger.hpp"

namespace praxis::server::test {

inline constexpr const char* kOrigin = "http://localhost:8080";
inline constexpr const char* kExtraOrigin = "https://extra.example";
inline constexpr Millis kT0 = 1767225600000;

using praxis::test::TempDir;

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
  // attach: registers features' messages, routes and stream kinds, before the
  // Core is used (e.g. [](Registry& r) { rooms.attach(r); }).
  explicit Server(const std::function<void(Registry&)>& attach = {}) {
    registry.authenticator([this](storage::Reader&, const std::string& hash, Millis now) {
      std::lock_guard lock(mu);
      ++lookups;
      std::optional<Principal> p;
      auto it = sessions.find(hash);
      if (it != sessions.end() && (it->second.expires_at == 0 || it->second.expires_at > now)) {
        p = it->second;
      }
      return p;
    });
    if (attach) attach(registry);
    storage::StoreOptions options;
    options.readers = 4;
    // As praxisd: a batch's events go out per receiver at its end.
    options.done_scope = [this](const std::function<void()>& run) { gather_fanout(core, run); };
    store.emplace(dir() / "data", storage::schema(), std::move(options));
    core.store = &*store;
    core.workers = &workers;
    core.heavy = &heavy;
    core.reads = &reads;
    core.origin = kOrigin;
    core.extra_origins = {kExtraOrigin};
    core.connections.configure(1000, 1000, 1000, {});
  }
  ~Server() {
    workers.join();
    heavy.join();
    reads.join();
  }

  // A login session for `token` owned by user `id` (expires_at 0: never).
  Principal sign_in(Id id, const std::string& name, const std::string& token, Millis expires_at = 0,
                    bool admin = false) {
    Principal p;
    p.user = id;
    p.admin = admin;
    p.display_name = name;
    p.token_hash = token_hash(token);
    p.expires_at = expires_at;
    p.info = {{"id", id}, {"display_name", name}};
    std::lock_guard lock(mu);
    sessions[p.token_hash] = p;
    return p;
  }

  Settings settings;
  Registry registry;
  FixedClock clock{kT0};
  std::mutex mu;
  std::map<std::string, Principal> sessions;
  int lookups = 0;  // sessions read (under mu)
  std::optional<storage::Store> store;
  Core core{settings, registry, clock};
  // After the core: they stop (their timers with them) before it goes.
  boost::asio::thread_pool workers{1};
  boost::asio::thread_pool heavy{1};
  boost::asio::thread_pool reads{1};
};

// The value of a response header, if present.
inline std::optional<std::string> header(const HttpResponse& res, const std::string& name) {
  for (const auto& [k, v] : res.headers) {
    if (k == name) return v;
  }
  return std::nullopt;
}

}  // namespace praxis::server::test
