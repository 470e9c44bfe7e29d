// Password hashing (argon2id, libargon2): memory-hard, salted, encoded with
// its parameters. Thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace praxis::server::accounts {

struct KdfCost {
  std::uint32_t memory_kib = 19456;
  std::uint32_t iterations = 2;
};

// Encoded argon2id string ($argon2id$v=19$m=...,t=...,p=1$salt$hash).
std::string hash_password(const std::string& password, const KdfCost& cost);
bool verify_password(const std::string& password, const std::string& encoded);

}  // namespace praxis::server::accounts
