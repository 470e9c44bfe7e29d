#include "server/core/tokens.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace praxis::server {
namespace {

TEST_CASE("tokens: new_token is 43 base64url characters, fresh each call") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const auto token = new_token();
    CAPTURE(token);
    CHECK(token.size() == 43);
    CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789-_") == std::string::npos);
    seen.insert(token);
  }
  CHECK(seen.size() == 50);
}

TEST_CASE("tokens: token_hash is lower-case hex SHA-256") {
  struct Case {
    std::string token;
    std::string hash;
  };
  const std::vector<Case> cases = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.token);
    CHECK(token_hash(c.token) == c.hash);
  }
  const auto h = token_hash(new_token());
  CHECK(h.size() == 64);
  CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
}

}  // namespace
}  // namespace praxis::server
