#include "server/accounts_api.hpp"

#include <iostream>

#include "protocol/http_api.hpp"
#include "server/api_response.hpp"
#include "server/auth.hpp"
#include "server/clock.hpp"
#include "server/credentials.hpp"
#include "server/delivery.hpp"
#include "server/log.hpp"
#include "server/wire.hpp"

namespace praxis::server {
namespace {

using protocol::ErrorCode;
using Json = nlohmann::json;
using storage::Status;

// Thrown inside a writer job to roll the whole job back.
struct Rollback : std::exception {};

KdfCost kdf(const Services& sv) { return {sv.settings.kdf_memory_kib, sv.settings.kdf_iterations}; }

std::string session_cookie(const Services& sv, const std::string& token, bool tls) {
  std::string c = std::string(kSessionCookie) + "=" + token +
                  "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
                  std::to_string(sv.settings.session_days * 24 * 3600);
  if (tls) c += "; Secure";
  return c;
}

storage::Millis session_expiry(const Services& sv) {
  return now_ms() + static_cast<storage::Millis>(sv.settings.session_days) * 24 * 3600 * 1000;
}

// A signed-in answer: the user, a new token, and the cookie.
HttpResponse signed_in(const Services& sv, unsigned status, const storage::User& user,
                       const std::string& token, bool tls) {
  auto res = json_response(status, {{"user", to_wire(user, true)}, {"token", token}});
  res.headers.emplace_back("Set-Cookie", session_cookie(sv, token, tls));
  return res;
}

storage::User new_user(const Services& sv, const protocol::SignupRequest& r,
                       storage::UserRole role) {
  storage::User u;
  u.profile = {r.profile.email,   r.profile.display_name, r.profile.institution,
               r.profile.country, r.profile.languages,    r.profile.time_zone};
  u.role = role;
  u.password_hash = hash_password(r.password, kdf(sv));
  u.created_at = now_ms();
  return u;
}

// Creates `user` (and a session for it) in one job after `precondition`;
// answers 201 with the session, or the refusal.
template <class Precondition>
HttpResponse create_account(Services& sv, const HttpRequest& req, storage::User user,
                            Precondition precondition) {
  const auto token = new_token();
  const auto hash = token_hash(token);
  const auto expires = session_expiry(sv);
  Status status = Status::kOk;
  const bool ok = sv.store.writer().run_sync([&](storage::WriteTxn& tx) {
    status = precondition(tx, user);
    if (status == Status::kOk) status = tx.create_user(user);
    if (status != Status::kOk) throw Rollback{};
    tx.create_session(hash, user.id, now_ms(), expires);
  });
  if (status == Status::kForbidden) return error_response(ErrorCode::kForbidden, "not allowed");
  if (status == Status::kConflict) {
    return error_response(ErrorCode::kConflict, "this e-mail is registered already");
  }
  if (!ok) return error_response(ErrorCode::kInternal, "could not create the account");
  log::info("account_created", {{"user", std::to_string(user.id)}});
  return signed_in(sv, 201, user, token, req.tls);
}

}  // namespace

HttpResponse api_setup_status(Services& sv, const HttpRequest&) {
  return json_response(200, {{"needed", sv.store.read([](auto& r) { return r.needs_setup(); })}});
}

HttpResponse api_setup(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  auto parsed = protocol::parse_signup(req.body, "token");
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  const auto setup_hash = token_hash(r->token);
  return create_account(
      sv, req, new_user(sv, *r, storage::UserRole::kAdmin),
      [&](storage::WriteTxn& tx, storage::User&) { return tx.consume_setup_token(setup_hash); });
}

HttpResponse api_register(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  auto parsed = protocol::parse_signup(req.body, "invitation");
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  const auto inv_hash = token_hash(r->token);
  return create_account(sv, req, new_user(sv, *r, storage::UserRole::kMember),
                        [&](storage::WriteTxn& tx, storage::User& user) {
                          storage::Invitation inv;
                          auto st = tx.consume_invitation(inv_hash, now_ms(), inv);
                          if (st != Status::kOk) return st;
                          if (!inv.email.empty() && inv.email != user.profile.email) {
                            return Status::kForbidden;
                          }
                          user.role = inv.role;
                          return Status::kOk;
                        });
}

HttpResponse api_login(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  auto parsed = protocol::parse_login(req.body);
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  const auto now = LoginThrottle::Clock::now();
  if (int wait = sv.throttle.retry_after(r->email, req.address, now); wait > 0) {
    auto res = json_response(429, {{"error",
                                    {{"code", "rate_limited"},
                                     {"message", "too many failed logins; wait"},
                                     {"retry_after", wait}}}});
    res.headers.emplace_back("Retry-After", std::to_string(wait));
    return res;
  }
  auto user = sv.store.read([&](storage::Reader& rd) { return rd.user_by_email(r->email); });
  // NOTE: an unknown e-mail still costs one hash, so timing does not reveal accounts.
  static const std::string dummy = hash_password("not a password", kdf(sv));
  const bool ok = verify_password(r->password, user ? user->password_hash : dummy) && user;
  if (!ok) {
    sv.throttle.failed(r->email, req.address, now);
    log::warn("login_failed", {{"addr", req.address}});
    return error_response(ErrorCode::kBadCredentials, "wrong e-mail or password");
  }
  sv.throttle.succeeded(r->email, req.address);
  const auto token = new_token();
  const bool stored = sv.store.writer().run_sync([&](storage::WriteTxn& tx) {
    tx.create_session(token_hash(token), user->id, now_ms(), session_expiry(sv));
  });
  if (!stored) return error_response(ErrorCode::kInternal, "could not start a session");
  log::info("login", {{"user", std::to_string(user->id)}, {"addr", req.address}});
  return signed_in(sv, 200, *user, token, req.tls);
}

HttpResponse api_logout(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  auto p = principal(sv, req, error);
  if (!p) return error;
  sv.store.writer().run_sync([&](storage::WriteTxn& tx) { tx.revoke_session(p->token_hash); });
  for (const auto& s : sv.hub.user_sessions(p->user.id)) {
    if (s->identity().token_hash != p->token_hash) continue;
    s->post([s] { s->close(protocol::kCloseSessionRevoked, "signed out"); });
  }
  HttpResponse res;
  res.status = 204;
  std::string cookie(kSessionCookie);
  cookie.append("=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
  res.headers.emplace_back("Set-Cookie", std::move(cookie));
  return res;
}

HttpResponse api_me(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  auto p = principal(sv, req, error);
  if (!p) return error;
  return json_response(200, {{"user", to_wire(p->user, true)}});
}

HttpResponse api_update_me(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  auto p = principal(sv, req, error);
  if (!p) return error;
  const auto& cur = p->user.profile;
  auto parsed = protocol::parse_profile_update(
      req.body,
      {cur.email, cur.display_name, cur.institution, cur.country, cur.languages, cur.time_zone});
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  storage::UserProfile next{cur.email,  r->display_name, r->institution,
                            r->country, r->languages,    r->time_zone};
  const bool ok = sv.store.writer().run_sync(
      [&](storage::WriteTxn& tx) { tx.update_profile(p->user.id, next); });
  if (!ok) return error_response(ErrorCode::kInternal, "could not save the profile");
  p->user.profile = next;
  return json_response(200, {{"user", to_wire(p->user, true)}});
}

HttpResponse api_users(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  auto p = principal(sv, req, error);
  if (!p) return error;
  const bool is_admin = p->user.role == storage::UserRole::kAdmin;
  Json list = Json::array();
  for (const auto& u : sv.store.read([](storage::Reader& r) { return r.users(); })) {
    list.push_back(to_wire(u, is_admin || u.id == p->user.id));
  }
  return json_response(200, {{"users", list}});
}

void bootstrap_admin(Services& sv) {
  if (!sv.store.read([](storage::Reader& r) { return r.needs_setup(); })) return;
  const auto& s = sv.settings;
  if (!s.admin_email.empty() && !s.admin_password.empty()) {
    protocol::SignupRequest r;
    r.password = s.admin_password;
    r.profile.email = s.admin_email;
    r.profile.display_name = s.admin_name;
    auto user = new_user(sv, r, storage::UserRole::kAdmin);
    Status st = Status::kOk;
    sv.store.writer().run_sync([&](storage::WriteTxn& tx) { st = tx.create_user(user); });
    if (st != Status::kOk) throw std::runtime_error("could not create the admin " + s.admin_email);
    log::info("admin_created", {{"user", std::to_string(user.id)}, {"email", s.admin_email}});
    std::cout << "Admin " << s.admin_email << " created. Sign in at " << sv.origin << "/\n";
    return;
  }
  const auto token = new_token();
  sv.store.writer().run_sync([&](storage::WriteTxn& tx) { tx.set_setup_token(token_hash(token)); });
  std::cout << "Open " << sv.origin << "/setup?token=" << token
            << " to create the first admin account (the link works once).\n"
            << std::flush;
}

}  // namespace praxis::server
