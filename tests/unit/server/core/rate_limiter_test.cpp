#include "server/core/limits/rate_limiter.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>

namespace praxis::server {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

const RateLimiter::Clock::time_point kT0{hours(1000)};

// How many actions of `key` are allowed at `now`, trying up to `most`.
int allowed(RateLimiter& l, std::int64_t key, RateLimiter::Clock::time_point now, int most = 100) {
  int n = 0;
  while (n < most && l.allow(key, now)) ++n;
  return n;
}

TEST_CASE("rate limiter: the burst at once, then `rate` per second") {
  RateLimiter l(4, 3);  // 4 per second, 3 at once; times are binary fractions: exact
  CHECK(allowed(l, 1, kT0) == 3);
  CHECK_FALSE(l.allow(1, kT0 + milliseconds(125)));  // half a token
  CHECK(l.allow(1, kT0 + milliseconds(250)));        // one token
  CHECK_FALSE(l.allow(1, kT0 + milliseconds(250)));
  CHECK(allowed(l, 1, kT0 + milliseconds(750)) == 2);
  CHECK(allowed(l, 1, kT0 + hours(1)) == 3);  // a long pause refills the burst, no more
}

TEST_CASE("rate limiter: keys are independent") {
  RateLimiter l(1, 2);
  CHECK(allowed(l, 1, kT0) == 2);
  CHECK(allowed(l, 2, kT0) == 2);
  CHECK(allowed(l, 1, kT0) == 0);
  CHECK(allowed(l, 3, kT0 + milliseconds(1)) == 2);
}

TEST_CASE("rate limiter: rate 0 never refills") {
  RateLimiter l(0, 5);
  CHECK(allowed(l, 1, kT0) == 5);
  CHECK(allowed(l, 1, kT0 + hours(24)) == 0);
}

TEST_CASE("rate limiter: an earlier time point takes no token back") {
  RateLimiter l(1, 2);
  CHECK(allowed(l, 1, kT0 + hours(1)) == 2);
  CHECK_FALSE(l.allow(1, kT0));
}

TEST_CASE("rate limiter: a full key table forgets only full buckets") {
  RateLimiter l(1, 2, 3);
  CHECK(allowed(l, 1, kT0) == 2);  // 1 is empty: it must stay limited
  for (std::int64_t key = 2; key < 50; ++key) {
    CAPTURE(key);
    CHECK(l.allow(key, kT0));  // each new key gets its burst
  }
  CHECK_FALSE(l.allow(1, kT0));
  CHECK(allowed(l, 1, kT0 + milliseconds(1500)) == 1);
  // Later every bucket is full again: forgetting them changes nothing.
  for (std::int64_t key = 100; key < 110; ++key) CHECK(allowed(l, key, kT0 + hours(1)) == 2);
  CHECK(allowed(l, 1, kT0 + hours(1)) == 2);
}

}  // namespace
}  // namespace praxis::server
