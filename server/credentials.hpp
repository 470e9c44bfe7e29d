// Password hashing (argon2id, libargon2) and session/invitation tokens
// (OpenSSL's CSPRNG; only their SHA-256 is stored). Thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace praxis::server {

struct KdfCost {
  std::uint32_t memory_kib = 19456;
  std::uint32_t iterations = 2;
};

// Encoded argon2id string ($argon2id$v=19$m=...,t=...,p=1$salt$hash).
std::string hash_password(const std::string& password, const KdfCost& cost);
bool verify_password(const std::string& password, const std::string& encoded);

// 32 random bytes, base64url without padding (43 characters).
std::string new_token();
// Lower-case hex SHA-256, as stored in the database.
std::string token_hash(const std::string& token);

}  // namespace praxis::server
