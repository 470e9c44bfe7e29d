// The account routes (protocol/accounts/accounts.md): setup, login, logout,
// me, register, users.
#include "server/accounts/routes.hpp"

#include <algorithm>
#include <cmath>

#include "protocol/accounts/bodies.hpp"
#include "protocol/accounts/lists.hpp"
#include "protocol/core/limits.hpp"
#include "server/accounts/wire.hpp"
#include "server/core/api.hpp"
#include "server/core/http.hpp"
#include "server/core/log.hpp"
#include "server/core/registry.hpp"
#include "server/core/tokens.hpp"
#include "storage/accounts/queries.hpp"
#include "storage/accounts/writes.hpp"
#include "storage/core/txn.hpp"

namespace praxis::server::accounts {
namespace {

using protocol::ErrorCode;
using storage::Status;
using storage::accounts::Queries;
using storage::accounts::Writes;
using Json = nlohmann::json;

long session_seconds(const State& st) { return static_cast<long>(st.config.session_days) * 86400; }

// A signed-in answer: the user, a new token, and the cookie.
HttpResponse signed_in(Http& h, const State& st, unsigned status,
                       const storage::accounts::User& user, const std::string& token) {
  auto res = json_response(status, {{"user", user_json(user, true)}, {"token", token}});
  res.headers.emplace_back("Set-Cookie", h.session_cookie(token, session_seconds(st)));
  return res;
}

storage::accounts::User new_user(Http& h, const State& st,
                                 const protocol::accounts::SignupRequest& r,
                                 storage::accounts::UserRole role) {
  storage::accounts::User u;
  u.profile = {r.profile.email,   r.profile.display_name, r.profile.institution,
               r.profile.country, r.profile.languages,    r.profile.time_zone};
  u.role = role;
  u.password_hash = hash_password(r.password, st.kdf());
  u.created_at = h.clock().now();
  return u;
}

// Setup and registration: the token is checked first, and a wrong one counts
// as a failed attempt of the address (no hashing for it); then the account
// and its session are created in one job after `consume` (which re-checks
// the token, authoritatively). Answers 201 with the session, or the refusal.
template <class Valid, class Consume>
HttpResponse create_account(Http& h, State& st, const char* token_field,
                            storage::accounts::UserRole role, Valid valid, Consume consume) {
  HttpResponse error;
  auto parsed = protocol::accounts::parse_signup(h.request().body, token_field);
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  const auto hash = token_hash(r->token);
  if (!link_usable(
          h, st, token_field, [&](storage::Reader& rd) { return valid(rd, hash); }, error)) {
    return error;
  }
  auto user = new_user(h, st, *r, role);
  const auto token = new_token();
  const auto at = h.clock().now();
  Status status = Status::kOk;
  const bool ok = h.write_sync([&](storage::Txn& tx) {
    // A refusal rolls back this call's own writes (guarded), not the batch.
    status = tx.guarded("register", [&] {
      Writes w(tx);
      Status s = consume(w, hash, user);
      if (s == Status::kOk) s = w.create_user(user);
      if (s == Status::kOk) {
        w.create_session(token_hash(token), user.id, at, at + session_seconds(st) * 1000,
                         session_address(h), session_user_agent(h));
      }
      return s;
    });
  });
  if (status == Status::kForbidden) return error_response(ErrorCode::kForbidden, kBadLink);
  if (status == Status::kConflict) {
    return error_response(ErrorCode::kConflict, "this e-mail is registered already");
  }
  if (!ok) return error_response(ErrorCode::kInternal, "could not create the account");
  log::info("account_created", {{"user", std::to_string(user.id)}});
  return signed_in(h, st, 201, user, token);
}

HttpResponse setup_status(Http& h) {
  return json_response(
      200, {{"needed", h.read([](storage::Reader& r) { return Queries(r).needs_setup(); })}});
}

HttpResponse setup(Http& h, State& st) {
  return create_account(
      h, st, "token", storage::accounts::UserRole::kAdmin,
      [](storage::Reader& r, const std::string& hash) {
        return Queries(r).needs_setup() && Queries(r).setup_token_exists(hash);
      },
      [](Writes& w, const std::string& hash, storage::accounts::User&) {
        return w.consume_setup_token(hash);
      });
}

HttpResponse register_user(Http& h, State& st) {
  const auto now = h.clock().now();
  return create_account(
      h, st, "invitation", storage::accounts::UserRole::kMember,
      [now](storage::Reader& r, const std::string& hash) {
        return Queries(r).usable_invitation(hash, now).has_value();
      },
      [now](Writes& w, const std::string& hash, storage::accounts::User& user) {
        storage::accounts::Invitation inv;
        auto st = w.consume_invitation(hash, now, inv);
        if (st != Status::kOk) return st;
        if (!inv.email.empty() && inv.email != user.profile.email) return Status::kForbidden;
        user.role = inv.role;
        return Status::kOk;
      });
}

HttpResponse login(Http& h, State& st) {
  HttpResponse error;
  auto parsed = protocol::accounts::parse_login(h.request().body);
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  const auto& address = h.request().address;
  const auto now = LoginThrottle::Clock::now();
  if (int wait = st.throttle.retry_after(r->email, address, now); wait > 0) return throttled(wait);
  // A deactivated account is refused like a wrong password (no hint), after
  // the same hashing work.
  auto user =
      h.read([&](storage::Reader& rd) { return Queries(rd).active_user_by_email(r->email); });
  const bool ok = verify_password(r->password, user ? user->password_hash : st.dummy_hash) && user;
  if (!ok) {
    st.throttle.failed(r->email, address, now);
    log::warn("login_failed", {{"addr", address}});
    return error_response(ErrorCode::kBadCredentials, "wrong e-mail or password");
  }
  // NOTE: only the account's record is cleared: one good login from an
  // address must not wipe the failures of everyone else behind it.
  st.throttle.succeeded(r->email);
  const auto token = new_token();
  const auto at = h.clock().now();
  Status status = Status::kOk;
  std::vector<std::string> ended;  // the oldest sessions, beyond max_sessions_per_user
  const bool stored = h.write_sync([&](storage::Txn& tx) {
    Writes w(tx);
    status = w.create_session(token_hash(token), user->id, at, at + session_seconds(st) * 1000,
                              session_address(h), session_user_agent(h));
    ended = status == Status::kOk ? w.cap_sessions(user->id, st.config.max_sessions_per_user, at)
                                  : std::vector<std::string>{};
  });
  if (!stored) return error_response(ErrorCode::kInternal, "could not start a session");
  if (status != Status::kOk) {
    // Deactivated (or gone) since it was read.
    return error_response(ErrorCode::kBadCredentials, "wrong e-mail or password");
  }
  for (const auto& hash : ended) {
    h.live().close_session(user->id, hash, protocol::kCloseSessionRevoked,
                           "signed in on too many devices: the oldest session ended");
  }
  log::info("login", {{"user", std::to_string(user->id)}, {"addr", address}});
  return signed_in(h, st, 200, *user, token);
}

HttpResponse logout(Http& h) {
  HttpResponse error;
  auto p = h.principal(error);
  if (!p) return error;
  const auto at = h.clock().now();
  h.write_sync([&](storage::Txn& tx) { Writes(tx).revoke_session(p->token_hash, at); });
  h.live().close_session(p->user, p->token_hash, protocol::kCloseSessionRevoked, "signed out");
  auto res = no_content();
  res.headers.emplace_back("Set-Cookie", h.session_cookie("", 0));
  return res;
}

HttpResponse me(Http& h) {
  HttpResponse error;
  auto p = h.principal(error);
  if (!p) return error;
  return json_response(200, {{"user", p->info}});
}

HttpResponse update_me(Http& h, State& st) {
  HttpResponse error;
  auto p = h.principal(error);
  if (!p) return error;
  if (!allowed(st, p->user, error)) return error;
  auto user = h.read([&](storage::Reader& r) { return Queries(r).user_by_id(p->user); });
  if (!user) return error_response(ErrorCode::kUnauthenticated, "sign in first");
  const auto& cur = user->profile;
  auto parsed = protocol::accounts::parse_profile_update(
      h.request().body,
      {cur.email, cur.display_name, cur.institution, cur.country, cur.languages, cur.time_zone});
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  storage::accounts::UserProfile next{cur.email,  r->display_name, r->institution,
                                      r->country, r->languages,    r->time_zone};
  const bool ok = h.write_sync([&](storage::Txn& tx) { Writes(tx).update_profile(p->user, next); });
  if (!ok) return error_response(ErrorCode::kInternal, "could not save the profile");
  user->profile = next;
  return json_response(200, {{"user", user_json(*user, true)}});
}

// Members see the active users; admins also the deactivated ones (to
// reactivate them).
HttpResponse users(Http& h) {
  HttpResponse error;
  auto p = h.principal(error);
  if (!p) return error;
  using protocol::accounts::CursorKey;
  auto parsed =
      protocol::accounts::parse_page(h.query("limit"), h.query("cursor"), CursorKey::kName);
  const auto* page = parsed_or(parsed, error);
  if (!page) return error;
  std::optional<storage::accounts::NameAfter> after;
  if (page->cursor) after = storage::accounts::NameAfter{page->cursor->name, page->cursor->id};
  const auto found = h.read(
      [&](storage::Reader& r) { return Queries(r).users_page(after, page->limit, p->admin); });
  Json list = Json::array();
  for (const auto& u : found.items) list.push_back(user_json(u, p->admin || u.id == p->user));
  Json next = nullptr;
  if (found.has_more && !found.items.empty()) {
    const auto& last = found.items.back();
    next = protocol::accounts::name_cursor(last.id, last.profile.display_name);
  }
  return json_response(200, {{"users", list}, {"next", next}});
}

}  // namespace

HttpResponse throttled(int wait) {
  auto res = error_response(ErrorCode::kRateLimited, "too many failed attempts; wait",
                            {{"retry_after", wait}});
  res.headers.emplace_back("Retry-After", std::to_string(wait));
  return res;
}

bool link_usable(Http& h, State& st, const char* what,
                 const std::function<bool(storage::Reader&)>& usable, HttpResponse& error) {
  const auto& address = h.request().address;
  const auto now = LoginThrottle::Clock::now();
  if (int wait = st.throttle.retry_after("", address, now); wait > 0) {
    error = throttled(wait);
    return false;
  }
  if (h.read([&](storage::Reader& r) { return usable(r); })) return true;
  st.throttle.failed("", address, now);
  log::warn("link_refused", {{"link", what}, {"addr", address}});
  error = error_response(ErrorCode::kForbidden, kBadLink);
  return false;
}

bool allowed(State& st, Id user, HttpResponse& error) {
  if (st.account_actions.allow(user)) return true;
  const int wait =
      std::max(1, static_cast<int>(std::ceil(1.0 / st.config.account_actions_per_second)));
  error = error_response(ErrorCode::kRateLimited, "too many account changes; slow down",
                         {{"retry_after", wait}});
  error.headers.emplace_back("Retry-After", std::to_string(wait));
  return false;
}

std::string session_address(const Http& h) {
  return protocol::accounts::header_text(h.request().address, protocol::accounts::kMaxAddressBytes);
}

std::string session_user_agent(const Http& h) {
  return protocol::accounts::header_text(h.request().user_agent,
                                         protocol::accounts::kMaxUserAgentBytes);
}

void add_account_routes(Registry& r, State& st) {
  const RouteOptions heavy{true};
  r.route("GET", "/api/setup", setup_status);
  r.route(
      "POST", "/api/setup", [&st](Http& h) { return setup(h, st); }, heavy);
  r.route(
      "POST", "/api/login", [&st](Http& h) { return login(h, st); }, heavy);
  r.route("POST", "/api/logout", logout);
  r.route("GET", "/api/me", me);
  r.route("PATCH", "/api/me", [&st](Http& h) { return update_me(h, st); });
  r.route(
      "POST", "/api/register", [&st](Http& h) { return register_user(h, st); }, heavy);
  r.route("GET", "/api/users", users);
}

}  // namespace praxis::server::accounts
