#include "server/auth.hpp"

#include <cctype>
#include <chrono>

#include "server/credentials.hpp"

namespace praxis::server {
namespace {

using protocol::ErrorCode;

std::optional<std::string> bearer(const HttpRequest& req) {
  constexpr std::string_view kPrefix = "bearer ";  // the scheme is case-insensitive
  if (req.authorization.size() <= kPrefix.size()) return std::nullopt;
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(req.authorization[i])) != kPrefix[i]) {
      return std::nullopt;
    }
  }
  return req.authorization.substr(kPrefix.size());
}

std::optional<std::string> cookie(const HttpRequest& req) {
  const std::string key = std::string(kSessionCookie) + "=";
  std::string_view c = req.cookie;
  while (!c.empty()) {
    const auto end = c.find(';');
    auto part = c.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.substr(0, key.size()) == key) return std::string(part.substr(key.size()));
    if (end == std::string_view::npos) break;
    c.remove_prefix(end + 1);
  }
  return std::nullopt;
}

AuthResult lookup(Services& sv, const std::string& token) {
  const auto hash = token_hash(token);
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  auto user = sv.store.read([&](storage::Reader& r) { return r.session_user(hash, now); });
  if (!user) return ErrorCode::kUnauthenticated;
  return Principal{std::move(*user), hash};
}

}  // namespace

bool origin_allowed(const Services& sv, std::string_view origin) {
  if (origin == sv.origin) return true;
  for (const auto& o : sv.extra_origins) {
    if (origin == o) return true;
  }
  return false;
}

std::optional<std::string> presented_token(const HttpRequest& req) {
  if (auto b = bearer(req)) return b;
  return cookie(req);
}

AuthResult authenticate_upgrade(Services& sv, const HttpRequest& req) {
  if (!req.origin.empty() && !origin_allowed(sv, req.origin)) return ErrorCode::kForbidden;
  if (auto b = bearer(req)) return lookup(sv, *b);
  if (req.origin.empty()) return ErrorCode::kUnauthenticated;  // no cookie without Origin
  if (auto c = cookie(req)) return lookup(sv, *c);
  return ErrorCode::kUnauthenticated;
}

AuthResult authenticate_api(Services& sv, const HttpRequest& req) {
  if (auto b = bearer(req)) return lookup(sv, *b);
  auto c = cookie(req);
  if (!c) return ErrorCode::kUnauthenticated;
  const bool safe = req.method == "GET" || req.method == "HEAD";
  if (!safe && !origin_allowed(sv, req.origin)) return ErrorCode::kForbidden;
  return lookup(sv, *c);
}

}  // namespace praxis::server
