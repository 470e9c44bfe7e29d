#include "server/accounts/credentials.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace praxis::server::accounts {
namespace {

constexpr KdfCost kCheap{1024, 1};

TEST_CASE("credentials: password hash round trip") {
  const auto encoded = hash_password("correct horse battery", kCheap);
  CHECK(encoded.rfind("$argon2id$", 0) == 0);
  CHECK(encoded.find("m=1024") != std::string::npos);
  CHECK(encoded.find("t=1") != std::string::npos);
  CHECK(encoded.find('\0') == std::string::npos);

  CHECK(verify_password("correct horse battery", encoded));
  CHECK_FALSE(verify_password("correct horse batterY", encoded));
  CHECK_FALSE(verify_password("", encoded));
  CHECK_FALSE(verify_password("correct horse battery", ""));
  CHECK_FALSE(verify_password("correct horse battery", "not an encoded hash"));
}

TEST_CASE("credentials: each hash has its own salt") {
  const auto a = hash_password("pw", kCheap);
  const auto b = hash_password("pw", kCheap);
  CHECK(a != b);
  CHECK(verify_password("pw", a));
  CHECK(verify_password("pw", b));
}

TEST_CASE("credentials: an empty password still hashes") {
  const auto encoded = hash_password("", kCheap);
  CHECK(verify_password("", encoded));
  CHECK_FALSE(verify_password(" ", encoded));
}

TEST_CASE("credentials: the hash carries its own cost and the whole password") {
  const auto dearer = hash_password("pw", KdfCost{2048, 2});
  CHECK(dearer.find("m=2048,t=2,p=1") != std::string::npos);
  CHECK(verify_password("pw", dearer));  // verified with its cost, not today's
  const std::string with_nul("pw\0tail", 7);
  const auto encoded = hash_password(with_nul, kCheap);
  CHECK(verify_password(with_nul, encoded));
  CHECK_FALSE(verify_password("pw", encoded));
  CHECK_FALSE(verify_password("pw", dearer.substr(0, dearer.size() - 4)));  // truncated
}

}  // namespace
}  // namespace praxis::server::accounts
