#include "server/accounts/feature.hpp"

#include "server/accounts/routes.hpp"
#include "server/accounts/wire.hpp"
#include "server/core/options.hpp"
#include "server/core/registry.hpp"
#include "storage/accounts/queries.hpp"

namespace praxis::server::accounts {

void Feature::options(Options& o) {
  auto& c = config_;
  o.add("admin_email", c.admin_email, "create this first admin at start if there is none");
  o.add("admin_password_file", c.admin_password_file,
        "file holding the first admin's password (or set PRAXIS_ADMIN_PASSWORD)");
  o.add("admin_name", c.admin_name, "the first admin's display name");
  o.add("kdf_memory_kib", c.kdf_memory_kib, "argon2id memory cost (OWASP minimum: 19 MiB)")
      .at_least(8);
  o.add("kdf_iterations", c.kdf_iterations, "argon2id passes").at_least(1);
  o.add("login_failures_before_delay", c.login_failures_before_delay,
        "failed logins per account or address before logins are delayed (5 s, doubling)")
      .at_least(1);
  o.add("session_days", c.session_days, "lifetime of a login session").at_least(1);
  o.add("max_sessions_per_user", c.max_sessions_per_user,
        "live login sessions per user; signing in once more ends the oldest")
      .at_least(1);
  o.add("invitation_days", c.invitation_days, "how long an invitation link works").at_least(1);
  o.add("password_reset_hours", c.password_reset_hours, "how long a password-reset link works")
      .at_least(1);
  o.add("account_actions_per_second", c.account_actions_per_second,
        "per-user rate of password changes, profile changes and session revocations")
      .at_least(0.001);
  o.add("account_actions_burst", c.account_actions_burst, "per-user burst of account changes")
      .at_least(1);
}

void Feature::attach(Registry& r) {
  state_ = std::make_unique<State>(config_);
  add_account_routes(r, *state_);
  add_invitation_routes(r, *state_);
  add_lifecycle_routes(r, *state_);
  add_session_routes(r, *state_);
  r.authenticator([](storage::Reader& rd, const std::string& hash, Millis now) {
    std::optional<Principal> p;
    if (auto s = storage::accounts::Queries(rd).session_user(hash, now)) p = principal_of(*s, hash);
    return p;
  });
}

void Feature::start(Services& s) {
  state_->dummy_hash = hash_password("not a password", state_->kdf());
  bootstrap_admin(s, *state_);
}

}  // namespace praxis::server::accounts
