#include "server/core/http.hpp"

#include <charconv>

#include "server/core/api.hpp"
#include "server/core/auth.hpp"
#include "server/core/core.hpp"

namespace praxis::server {

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

const std::string& Http::param(const std::string& name) const {
  static const std::string kNone;
  auto it = params_.find(name);
  return it == params_.end() ? kNone : it->second;
}

std::optional<Id> Http::id_param(const std::string& name) const {
  const auto& v = param(name);
  Id id = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
  if (ec != std::errc() || ptr != v.data() + v.size() || id <= 0) return std::nullopt;
  return id;
}

std::optional<std::string> Http::query(const std::string& name) const {
  const auto q = req_.target.find('?');
  if (q == std::string::npos) return std::nullopt;
  std::string_view rest(req_.target);
  rest.remove_prefix(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto part = rest.substr(0, amp);
    const auto eq = part.find('=');
    if (percent_decoded(part.substr(0, eq)) == name) {
      return eq == std::string_view::npos ? std::string() : percent_decoded(part.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

std::optional<Principal> Http::principal(HttpResponse& error) {
  auto r = authenticate_api(*core_, req_);
  if (auto* code = std::get_if<protocol::ErrorCode>(&r)) {
    error = error_response(
        *code, *code == protocol::ErrorCode::kForbidden ? "origin not allowed" : "sign in first");
    return std::nullopt;
  }
  return std::get<Principal>(std::move(r));
}

std::optional<Principal> Http::admin(HttpResponse& error) {
  auto p = principal(error);
  if (p && !p->admin) {
    error = error_response(protocol::ErrorCode::kForbidden, "admins only");
    return std::nullopt;
  }
  return p;
}

std::string Http::session_cookie(const std::string& token, long max_age_seconds) const {
  return server::session_cookie(*core_, req_, token, max_age_seconds);
}

bool Http::secure() const { return served_securely(*core_, req_); }

}  // namespace praxis::server
