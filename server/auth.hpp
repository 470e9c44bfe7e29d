// Who is asking: session tokens from the Authorization header or the session
// cookie, and the Origin rules of PROTOCOL.md (section 1 "Authentication" and
// section 2 "Connecting"). Thread-safe (reads the database).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "protocol/errors.hpp"
#include "server/http_types.hpp"
#include "server/services.hpp"

namespace praxis::server {

inline constexpr const char* kSessionCookie = "praxis_session";

struct Principal {
  storage::User user;
  std::string token_hash;
};

using AuthResult = std::variant<Principal, protocol::ErrorCode>;

bool origin_allowed(const Services& sv, std::string_view origin);

// The WebSocket upgrade: a foreign Origin is kForbidden; with an Origin the
// cookie or a bearer token; without one only a bearer token.
AuthResult authenticate_upgrade(Services& sv, const HttpRequest& req);

// The HTTP API: a bearer token always; the cookie for GET, and for other
// methods only with an allowed Origin (CSRF).
AuthResult authenticate_api(Services& sv, const HttpRequest& req);

// The token the request presents (bearer first, then cookie), if any.
std::optional<std::string> presented_token(const HttpRequest& req);

}  // namespace praxis::server
