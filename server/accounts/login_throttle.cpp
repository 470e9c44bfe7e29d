#include "server/accounts/login_throttle.hpp"

#include <algorithm>

namespace praxis::server::accounts {

int LoginThrottle::wait(const std::unordered_map<std::string, Record>& map, const std::string& key,
                        Clock::time_point now) const {
  auto it = map.find(key);
  if (it == map.end() || it->second.blocked_until <= now) return 0;
  auto left = std::chrono::ceil<std::chrono::seconds>(it->second.blocked_until - now);
  return static_cast<int>(std::max<std::int64_t>(1, left.count()));
}

void LoginThrottle::fail(std::unordered_map<std::string, Record>& map, const std::string& key,
                         Clock::time_point now) {
  if (map.size() >= kMaxRecords) {
    // Bounded memory under a spray of names: forget only records not blocking now,
    // so a flood of other names cannot lift a real account's block.
    std::erase_if(map, [now](const auto& kv) { return kv.second.blocked_until <= now; });
    if (map.size() >= kMaxRecords && !map.count(key)) return;  // all blocked: keep them
  }
  auto& r = map[key];
  ++r.failures;
  const int over = r.failures - free_failures_;
  if (over >= 0) {
    const auto delay = std::chrono::seconds(std::min<std::int64_t>(900, 5LL << std::min(over, 10)));
    r.blocked_until = now + delay;
  }
}

int LoginThrottle::retry_after(const std::string& account, const std::string& address,
                               Clock::time_point now) {
  std::lock_guard lock(mu_);
  const int by_account = account.empty() ? 0 : wait(accounts_, account, now);
  return std::max(by_account, wait(addresses_, address, now));
}

void LoginThrottle::failed(const std::string& account, const std::string& address,
                           Clock::time_point now) {
  std::lock_guard lock(mu_);
  if (!account.empty()) fail(accounts_, account, now);
  fail(addresses_, address, now);
}

void LoginThrottle::succeeded(const std::string& account) {
  std::lock_guard lock(mu_);
  accounts_.erase(account);
}

}  // namespace praxis::server::accounts
