// The accounts feature (protocol/accounts/accounts.md): the first admin,
// sign-in and sessions, invitations and registration, profiles, the account
// lifecycle (password changes and resets, deactivation, revoking invitations
// and sessions), and the authenticator the core asks who owns a login session.
#pragma once

#include <memory>

#include "server/accounts/state.hpp"
#include "server/core/feature.hpp"

namespace praxis::server::accounts {

class Feature final : public server::Feature {
 public:
  std::string_view name() const override { return "accounts"; }
  void options(Options& o) override;
  void attach(Registry& r) override;
  void start(Services& s) override;

 private:
  Config config_;
  std::unique_ptr<State> state_;
};

}  // namespace praxis::server::accounts
