#include "server/accounts/login_throttle.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

namespace praxis::server::accounts {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const LoginThrottle::Clock::time_point kT0{std::chrono::hours(1000)};

TEST_CASE("login throttle: free failures, then a doubling delay up to 15 minutes") {
  LoginThrottle t(3);
  auto now = kT0;
  CHECK(t.retry_after("ada", "10.0.0.1", now) == 0);
  t.failed("ada", "10.0.0.1", now);
  t.failed("ada", "10.0.0.1", now);
  CHECK(t.retry_after("ada", "10.0.0.1", now) == 0);

  // Each failure once the block has run out; the delay it earns.
  const std::vector<int> delays = {5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900, 900, 900};
  for (std::size_t i = 0; i < delays.size(); ++i) {
    CAPTURE(i);
    t.failed("ada", "10.0.0.1", now);
    CHECK(t.retry_after("ada", "10.0.0.1", now) == delays[i]);
    CHECK(t.retry_after("ada", "10.0.0.1", now + seconds(delays[i]) - milliseconds(1)) == 1);
    now += seconds(delays[i]);
    CHECK(t.retry_after("ada", "10.0.0.1", now) == 0);
  }
}

TEST_CASE("login throttle: the wait counts down and rounds up") {
  LoginThrottle t(1);
  t.failed("ada", "10.0.0.1", kT0);
  CHECK(t.retry_after("ada", "10.0.0.1", kT0) == 5);
  CHECK(t.retry_after("ada", "10.0.0.1", kT0 + milliseconds(1)) == 5);
  CHECK(t.retry_after("ada", "10.0.0.1", kT0 + seconds(1)) == 4);
  CHECK(t.retry_after("ada", "10.0.0.1", kT0 + milliseconds(4500)) == 1);
  CHECK(t.retry_after("ada", "10.0.0.1", kT0 + seconds(5)) == 0);
  CHECK(t.retry_after("ada", "10.0.0.1", kT0 + seconds(3600)) == 0);
}

TEST_CASE("login throttle: accounts and addresses are counted independently") {
  struct Wait {
    std::string account, address;
    int seconds;
  };
  struct Case {
    std::string name;
    std::vector<std::pair<std::string, std::string>> failures;  // account, address
    std::vector<Wait> waits;
  };
  const std::vector<Case> cases = {
      {"one account from many addresses",
       {{"ada", "10.0.0.1"}, {"ada", "10.0.0.2"}},
       {{"ada", "10.0.0.9", 5}, {"bob", "10.0.0.1", 0}, {"bob", "10.0.0.2", 0}}},
      {"many accounts from one address",
       {{"ada", "10.0.0.1"}, {"bob", "10.0.0.1"}},
       {{"eve", "10.0.0.1", 5}, {"ada", "10.0.0.2", 0}, {"bob", "10.0.0.2", 0}}},
      {"the longer of the two waits",
       // ada and 10.0.0.1 blocked 5 s; then ada 10 s while 10.0.0.2 is free.
       {{"ada", "10.0.0.1"}, {"ada", "10.0.0.1"}, {"ada", "10.0.0.2"}},
       {{"ada", "10.0.0.2", 10}, {"bob", "10.0.0.1", 5}, {"bob", "10.0.0.2", 0}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    LoginThrottle t(2);
    for (const auto& [account, address] : c.failures) t.failed(account, address, kT0);
    for (const auto& w : c.waits) {
      CAPTURE(w.account, w.address);
      CHECK(t.retry_after(w.account, w.address, kT0) == w.seconds);
    }
  }
}

TEST_CASE("login throttle: a success clears the account, not the address") {
  LoginThrottle t(2);
  for (int i = 0; i < 4; ++i) t.failed("ada", "10.0.0.1", kT0);
  REQUIRE(t.retry_after("ada", "10.0.0.1", kT0) == 20);
  t.succeeded("ada");
  CHECK(t.retry_after("ada", "10.0.0.2", kT0) == 0);   // the account is free again
  CHECK(t.retry_after("ada", "10.0.0.1", kT0) == 20);  // the address is still blocked
  CHECK(t.retry_after("bob", "10.0.0.1", kT0) == 20);

  // The account's count starts again: one failure is free.
  t.failed("ada", "10.0.0.2", kT0);
  CHECK(t.retry_after("ada", "10.0.0.2", kT0) == 0);
  t.failed("ada", "10.0.0.2", kT0);
  CHECK(t.retry_after("ada", "10.0.0.2", kT0) == 5);

  // The address's count goes on: its next failure doubles the wait.
  const auto later = kT0 + seconds(20);
  CHECK(t.retry_after("carol", "10.0.0.1", later) == 0);
  t.failed("carol", "10.0.0.1", later);
  CHECK(t.retry_after("dave", "10.0.0.1", later) == 40);
  t.succeeded("nobody");  // an account with no record: harmless
}

TEST_CASE("login throttle: an empty account counts for the address only") {
  LoginThrottle t(1);
  t.failed("", "10.0.0.1", kT0);  // a wrong setup or invitation link
  CHECK(t.retry_after("", "10.0.0.1", kT0) == 5);
  CHECK(t.retry_after("ada", "10.0.0.1", kT0) == 5);
  CHECK(t.retry_after("", "10.0.0.2", kT0) == 0);
  CHECK(t.retry_after("ada", "10.0.0.2", kT0) == 0);  // no record for "" that blocks others

  t.failed("", "10.0.0.2", kT0);
  t.failed("", "10.0.0.3", kT0);
  CHECK(t.retry_after("", "10.0.0.4", kT0) == 0);  // failures of "" do not add up
  t.succeeded("");
  CHECK(t.retry_after("", "10.0.0.1", kT0) == 5);
}

}  // namespace
}  // namespace praxis::server::accounts
