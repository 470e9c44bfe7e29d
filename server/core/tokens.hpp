// Secret tokens (login sessions, invitations, reset links): drawn from
// OpenSSL's CSPRNG; only their SHA-256 is stored. Thread-safe.
#pragma once

#include <string>

namespace praxis::server {

// 32 random bytes, base64url without padding (43 characters).
std::string new_token();
// Lower-case hex SHA-256, as stored in the database.
std::string token_hash(const std::string& token);

}  // namespace praxis::server
