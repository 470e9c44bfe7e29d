// The account lifecycle routes (protocol/accounts/accounts.md): changing
// one's password, password-reset links, deactivating and reactivating users.
// Each ends the login sessions it makes worthless, and their WebSockets (4009).
#include "protocol/accounts/bodies.hpp"
#include "protocol/core/limits.hpp"
#include "server/accounts/routes.hpp"
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

HttpResponse no_such_user() { return error_response(ErrorCode::kNotFound, "no such user"); }

// POST /api/me/password: the current password is checked like a login (a
// wrong one counts for the account and the address); every other session of
// the user ends.
HttpResponse change_password(Http& h, State& st) {
  HttpResponse error;
  auto p = h.principal(error);
  if (!p) return error;
  auto parsed = protocol::accounts::parse_password_change(h.request().body);
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  if (!allowed(st, p->user, error)) return error;
  auto user = h.read([&](storage::Reader& rd) { return Queries(rd).user_by_id(p->user); });
  if (!user) return error_response(ErrorCode::kUnauthenticated, "sign in first");
  const auto& email = user->profile.email;
  const auto& address = h.request().address;
  const auto now = LoginThrottle::Clock::now();
  if (int wait = st.throttle.retry_after(email, address, now); wait > 0) return throttled(wait);
  if (!verify_password(r->current_password, user->password_hash)) {
    st.throttle.failed(email, address, now);
    log::warn("password_change_failed", {{"user", std::to_string(p->user)}, {"addr", address}});
    return error_response(ErrorCode::kBadCredentials, "wrong password");
  }
  st.throttle.succeeded(email);
  const auto hash = hash_password(r->new_password, st.kdf());
  const auto at = h.clock().now();
  Status status = Status::kOk;
  const bool ok = h.write_sync([&](storage::Txn& tx) {
    Writes w(tx);
    // Only over the hash just checked: a change that raced this one wins.
    status = w.set_password_hash(p->user, hash, at, user->password_hash);
    if (status == Status::kOk) w.revoke_sessions(p->user, at, p->token_hash);
  });
  if (!ok) return error_response(ErrorCode::kInternal, "could not change the password");
  if (status == Status::kConflict) {
    return error_response(ErrorCode::kConflict, "the password was changed meanwhile");
  }
  if (status != Status::kOk) return error_response(ErrorCode::kUnauthenticated, "sign in first");
  h.live().close_user(p->user, protocol::kCloseSessionRevoked, "password changed", p->token_hash);
  log::info("password_changed", {{"user", std::to_string(p->user)}});
  return no_content();
}

// POST /api/users/{id}/password-reset (admin): a one-time link.
HttpResponse issue_reset(Http& h, const State& st) {
  HttpResponse error;
  auto p = h.admin(error);
  if (!p) return error;
  const auto id = h.id_param("id");
  if (!id) return no_such_user();
  const auto token = new_token();
  const auto at = h.clock().now();
  const Millis expires_at = at + static_cast<Millis>(st.config.password_reset_hours) * 3600 * 1000;
  Status status = Status::kOk;
  const bool ok = h.write_sync([&](storage::Txn& tx) {
    status = Writes(tx).create_password_reset(token_hash(token), *id, p->user, at, expires_at);
  });
  if (!ok) return error_response(ErrorCode::kInternal, "could not store the reset link");
  switch (status) {
    case Status::kOk:
      break;
    case Status::kNotFound:
      return no_such_user();
    case Status::kForbidden:
      return error_response(ErrorCode::kForbidden, "admins only");
    default:
      return error_response(ErrorCode::kConflict, "the user is deactivated");
  }
  log::info("password_reset_issued",
            {{"user", std::to_string(*id)}, {"by", std::to_string(p->user)}});
  return json_response(201, {{"reset",
                              {{"url", h.origin() + "/reset?token=" + token},
                               {"token", token},
                               {"expires_at", expires_at}}}});
}

// POST /api/password-reset: no session. The token is checked before the
// password is hashed, and a wrong one counts as a failure of the address.
HttpResponse reset_password(Http& h, State& st) {
  HttpResponse error;
  auto parsed = protocol::accounts::parse_password_reset(h.request().body);
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  const auto link = token_hash(r->token);
  const auto checked_at = h.clock().now();
  if (!link_usable(
          h, st, "password_reset",
          [&](storage::Reader& rd) { return Queries(rd).password_reset_usable(link, checked_at); },
          error)) {
    return error;
  }
  const auto hash = hash_password(r->password, st.kdf());
  const auto at = h.clock().now();
  Id user = 0;
  Status status = Status::kOk;
  const bool ok = h.write_sync([&](storage::Txn& tx) {
    // A refusal rolls back this call's own writes (guarded), not the batch.
    status = tx.guarded("reset_password", [&] {
      Writes w(tx);
      Status s = w.consume_password_reset(link, at, user);
      if (s == Status::kOk) s = w.set_password_hash(user, hash, at);
      if (s == Status::kOk) w.revoke_sessions(user, at);
      return s;
    });
  });
  if (status != Status::kOk) return error_response(ErrorCode::kForbidden, kBadLink);
  if (!ok) return error_response(ErrorCode::kInternal, "could not change the password");
  h.live().close_user(user, protocol::kCloseSessionRevoked, "password reset");
  // The owner has the account back: lift a block that guessing earned it.
  if (auto u = h.read([&](storage::Reader& rd) { return Queries(rd).user_by_id(user); })) {
    st.throttle.succeeded(u->profile.email);
  }
  log::info("password_reset", {{"user", std::to_string(user)}, {"addr", h.request().address}});
  return no_content();
}

// POST /api/users/{id}/deactivate and .../reactivate (admin).
HttpResponse set_active(Http& h, bool active) {
  HttpResponse error;
  auto p = h.admin(error);
  if (!p) return error;
  const auto id = h.id_param("id");
  if (!id) return no_such_user();
  const auto at = h.clock().now();
  Status status = Status::kOk;
  const bool ok = h.write_sync([&](storage::Txn& tx) {
    Writes w(tx);
    status = active ? w.reactivate_user(*id, p->user) : w.deactivate_user(*id, p->user, at);
  });
  if (!ok) return error_response(ErrorCode::kInternal, "could not change the account");
  switch (status) {
    case Status::kOk:
    case Status::kUnchanged:
      break;
    case Status::kNotFound:
      return no_such_user();
    case Status::kForbidden:
      return error_response(ErrorCode::kForbidden, "admins only");
    default:
      return error_response(ErrorCode::kConflict,
                            *id == p->user ? "you cannot deactivate yourself"
                                           : "the last active admin cannot be deactivated");
  }
  if (!active) h.live().close_user(*id, protocol::kCloseSessionRevoked, "account deactivated");
  if (status == Status::kOk) {
    log::info(active ? "user_reactivated" : "user_deactivated",
              {{"user", std::to_string(*id)}, {"by", std::to_string(p->user)}});
  }
  auto user = h.read([&](storage::Reader& rd) { return Queries(rd).user_by_id(*id); });
  if (!user) return no_such_user();
  return json_response(200, {{"user", user_json(*user, true)}});
}

}  // namespace

void add_lifecycle_routes(Registry& r, State& st) {
  const RouteOptions heavy{true};
  r.route(
      "POST", "/api/me/password", [&st](Http& h) { return change_password(h, st); }, heavy);
  r.route("POST", "/api/users/{id}/password-reset", [&st](Http& h) { return issue_reset(h, st); });
  r.route(
      "POST", "/api/password-reset", [&st](Http& h) { return reset_password(h, st); }, heavy);
  r.route("POST", "/api/users/{id}/deactivate", [](Http& h) { return set_active(h, false); });
  r.route("POST", "/api/users/{id}/reactivate", [](Http& h) { return set_active(h, true); });
}

}  // namespace praxis::server::accounts
