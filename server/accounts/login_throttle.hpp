// Slows down password guessing: after `free_failures` failed logins for one
// account or from one address, further attempts are refused for a delay that
// doubles with each failure (5 s, 10 s, 20 s ... up to 15 min), even with the
// right password. A success clears the account's record only: behind a proxy
// or a school's NAT one address is many people, and one good login must not
// lift the block an attacker earned. An empty account (a setup or invitation
// link) counts for the address alone. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace praxis::server::accounts {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginThrottle(int free_failures) : free_failures_(free_failures) {}

  // Seconds to wait before another attempt is allowed; 0 = go ahead.
  int retry_after(const std::string& account, const std::string& address, Clock::time_point now);
  void failed(const std::string& account, const std::string& address, Clock::time_point now);
  void succeeded(const std::string& account);

 private:
  struct Record {
    int failures = 0;
    Clock::time_point blocked_until{};
  };
  int wait(const std::unordered_map<std::string, Record>& map, const std::string& key,
           Clock::time_point now) const;
  void fail(std::unordered_map<std::string, Record>& map, const std::string& key,
            Clock::time_point now);

  static constexpr std::size_t kMaxRecords = 100000;
  int free_failures_;
  std::mutex mu_;
  std::unordered_map<std::string, Record> accounts_;
  std::unordered_map<std::string, Record> addresses_;
};

}  // namespace praxis::server::accounts
