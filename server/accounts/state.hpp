// Private to server/accounts: the feature's settings and what its routes share.
#pragma once

#include <cstdint>
#include <string>

#include "server/accounts/credentials.hpp"
#include "server/accounts/login_throttle.hpp"
#include "server/core/limits/rate_limiter.hpp"

namespace praxis::server::accounts {

struct Config {
  // The first admin, created at start when no admin exists; the password from
  // a file (or PRAXIS_ADMIN_PASSWORD), never from the command line.
  std::string admin_email;
  std::string admin_password_file;
  std::string admin_name = "Admin";
  // argon2id cost (OWASP minimum: m=19 MiB, t=2, p=1).
  std::uint32_t kdf_memory_kib = 19456;
  std::uint32_t kdf_iterations = 2;
  int login_failures_before_delay = 5;
  int session_days = 30;
  // Live sessions per user: a sign-in beyond it ends the oldest (and its socket).
  int max_sessions_per_user = 20;
  int invitation_days = 14;
  int password_reset_hours = 24;
  // Per user: changes of one's own account (password, profile, revoking a
  // session). A password change costs a KDF hash on the heavy pool.
  double account_actions_per_second = 0.5;
  double account_actions_burst = 10;
};

struct State {
  explicit State(const Config& c)
      : config(c),
        throttle(c.login_failures_before_delay),
        account_actions(c.account_actions_per_second, c.account_actions_burst) {}
  KdfCost kdf() const { return {config.kdf_memory_kib, config.kdf_iterations}; }

  const Config& config;
  LoginThrottle throttle;
  RateLimiter account_actions;
  // What an unknown e-mail is checked against, so that timing does not reveal
  // accounts: hashed once at start with the configured cost.
  std::string dummy_hash;
};

}  // namespace praxis::server::accounts
