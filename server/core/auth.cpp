#include "server/core/auth.hpp"

#include <algorithm>
#include <cctype>

#include "server/core/core.hpp"
#include "server/core/tokens.hpp"

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

std::optional<std::string> cookie_named(const HttpRequest& req, std::string_view name) {
  const std::string key = std::string(name) + "=";
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

// Over https only the __Host- cookie counts: a plain one could have been
// planted by a sibling subdomain or a plain-http page.
std::optional<std::string> cookie(const Core& core, const HttpRequest& req) {
  if (served_securely(core, req)) return cookie_named(req, kSecureSessionCookie);
  return cookie_named(req, kSessionCookie);
}

AuthResult lookup(Core& core, const std::string& token) {
  const auto& authenticate = core.registry.authenticator();
  if (!authenticate) return ErrorCode::kUnauthenticated;
  const auto hash = token_hash(token);
  const auto now = core.clock.now();
  const auto seen = core.live.endings();
  auto p = core.store->read([&](storage::Reader& r) { return authenticate(r, hash, now); });
  if (!p) return ErrorCode::kUnauthenticated;
  p->endings_seen = seen;
  return std::move(*p);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool origin_allowed(const Core& core, std::string_view origin) {
  if (origin == core.origin) return true;
  return std::find(core.extra_origins.begin(), core.extra_origins.end(), origin) !=
         core.extra_origins.end();
}

bool served_securely(const Core& core, const HttpRequest& req) {
  return req.tls || core.origin.rfind("https://", 0) == 0;
}

std::optional<std::string> presented_token(const HttpRequest& req) {
  if (auto b = bearer(req)) return b;
  if (auto c = cookie_named(req, kSecureSessionCookie)) return c;
  return cookie_named(req, kSessionCookie);
}

AuthResult authenticate_upgrade(Core& core, const HttpRequest& req) {
  if (!req.origin.empty() && !origin_allowed(core, req.origin)) return ErrorCode::kForbidden;
  if (auto b = bearer(req)) return lookup(core, *b);
  if (req.origin.empty()) return ErrorCode::kUnauthenticated;  // no cookie without Origin
  if (auto c = cookie(core, req)) return lookup(core, *c);
  return ErrorCode::kUnauthenticated;
}

AuthResult authenticate_api(Core& core, const HttpRequest& req) {
  if (auto b = bearer(req)) return lookup(core, *b);
  auto c = cookie(core, req);
  if (!c) return ErrorCode::kUnauthenticated;
  const bool safe = req.method == "GET" || req.method == "HEAD";
  if (!safe && !origin_allowed(core, req.origin)) return ErrorCode::kForbidden;
  return lookup(core, *c);
}

std::string session_cookie(const Core& core, const HttpRequest& req, const std::string& token,
                           long max_age_seconds) {
  const bool secure = served_securely(core, req);
  std::string c = std::string(secure ? kSecureSessionCookie : kSessionCookie) + "=" + token +
                  "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age_seconds);
  if (secure) c += "; Secure";
  return c;
}

namespace {

// "::ffff:192.0.2.1" (an IPv4 client seen through IPv6) is 192.0.2.1.
std::string unmapped(std::string_view a) {
  constexpr std::string_view kMapped = "::ffff:";
  if (a.size() > kMapped.size() && a.find('.') != std::string_view::npos &&
      std::equal(kMapped.begin(), kMapped.end(), a.begin(),
                 [](char x, char y) { return x == std::tolower(static_cast<unsigned char>(y)); })) {
    a.remove_prefix(kMapped.size());
  }
  return std::string(a);
}

}  // namespace

std::string client_address(const std::vector<std::string>& trusted, const std::string& peer,
                           std::string_view forwarded_for, std::string_view real_ip) {
  const auto is_trusted = [&](std::string_view a) {
    return std::find(trusted.begin(), trusted.end(), a) != trusted.end();
  };
  if (!is_trusted(peer)) return peer;
  // Right to left: each proxy appends the address it got the request from.
  while (!forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    const auto hop =
        trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    if (!hop.empty() && !is_trusted(hop)) return unmapped(hop);
    if (comma == std::string_view::npos) break;
    forwarded_for = forwarded_for.substr(0, comma);
  }
  if (auto ip = trim(real_ip); !ip.empty()) return unmapped(ip);
  return peer;
}

}  // namespace praxis::server
