// Private to server/accounts: the feature's HTTP routes, by group, what the
// groups share, and the feature's start-up work. Each route runs on an HTTP
// pool thread (the ones that hash a password on the heavy pool) and returns
// the whole response.
#pragma once

#include <exception>
#include <functional>
#include <string>

#include "server/accounts/state.hpp"
#include "server/core/http_types.hpp"
#include "server/core/principal.hpp"

namespace praxis::storage {
class Reader;
}

namespace praxis::server {
class Http;
class Registry;
class Services;
}  // namespace praxis::server

namespace praxis::server::accounts {

// setup, login, logout, me, register, users
void add_account_routes(Registry& r, State& st);
// invitations: create, list, revoke, and checking one (signed out)
void add_invitation_routes(Registry& r, State& st);
// password change and reset, deactivation and reactivation
void add_lifecycle_routes(Registry& r, State& st);
// login sessions: list, revoke
void add_session_routes(Registry& r, State& st);

// Creates the first admin from the settings, or prints a one-time setup
// link, when the instance has no admin yet. Throws on a password that breaks
// the policy (the operator must fix the settings).
void bootstrap_admin(Services& s, State& st);

// ---- shared by the route groups ----

// 429 rate_limited with retry_after (seconds) and Retry-After.
HttpResponse throttled(int wait_seconds);
// What a wrong, used, revoked or expired one-time link is answered (403).
inline constexpr const char* kBadLink = "this link is not valid (used, expired or wrong)";
// The check of a one-time link's token (setup, invitation, password reset) in
// a signed-out request, before any work for it: while the client address is
// throttled (the login throttle), false with 429 in `error`; then
// usable(reader), where false counts as a failed attempt of the address and
// sets 403 kBadLink. `what` names the link in the log.
bool link_usable(Http& h, State& st, const char* what,
                 const std::function<bool(storage::Reader&)>& usable, HttpResponse& error);
// Takes one of the user's account actions (State::account_actions); false
// with `error` set (429) when none is left.
bool allowed(State& st, Id user, HttpResponse& error);
// Where a new login session comes from, as it is stored and listed.
std::string session_address(const Http& h);
std::string session_user_agent(const Http& h);

}  // namespace praxis::server::accounts
