// Who is asking: session tokens from the Authorization header or the session
// cookie, the Origin rules (PROTOCOL.md, "Authentication" and "Connecting"),
// and the client's address behind a trusted reverse proxy. The token is
// looked up by the registered authenticator (the accounts feature).
// Thread-safe (reads the database).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/core/errors.hpp"
#include "server/core/http_types.hpp"
#include "server/core/principal.hpp"

namespace praxis::server {

struct Core;

// Over https (TLS here, or an https public_url behind a proxy) the cookie is
// `__Host-praxis_session` with Secure: a host-only cookie no subdomain and no
// plain-http page can set or read.
inline constexpr const char* kSessionCookie = "praxis_session";
inline constexpr const char* kSecureSessionCookie = "__Host-praxis_session";

using AuthResult = std::variant<Principal, protocol::ErrorCode>;

bool origin_allowed(const Core& core, std::string_view origin);
// True when clients reach this instance over https.
bool served_securely(const Core& core, const HttpRequest& req);

// The WebSocket upgrade: a foreign Origin is kForbidden; with an Origin the
// cookie or a bearer token; without one only a bearer token.
AuthResult authenticate_upgrade(Core& core, const HttpRequest& req);
// The HTTP API: a bearer token always; the cookie for GET, and for other
// methods only with an allowed Origin (CSRF).
AuthResult authenticate_api(Core& core, const HttpRequest& req);
// The token the request presents (bearer first, then cookie), if any.
std::optional<std::string> presented_token(const HttpRequest& req);
// Set-Cookie for a new session token (max_age 0: clears the cookie).
std::string session_cookie(const Core& core, const HttpRequest& req, const std::string& token,
                           long max_age_seconds);

// The client's address: the TCP peer, or, when the peer is one of `trusted`
// (a reverse proxy), the last address in X-Forwarded-For that is not a
// trusted proxy, else X-Real-IP.
std::string client_address(const std::vector<std::string>& trusted, const std::string& peer,
                           std::string_view forwarded_for, std::string_view real_ip);

}  // namespace praxis::server
