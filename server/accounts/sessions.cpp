// The login-session routes (protocol/accounts/accounts.md): one's own
// sessions, a user's sessions for admins, and revoking one (its WebSockets
// are closed with 4009).
#include "protocol/accounts/lists.hpp"
#include "protocol/core/limits.hpp"
#include "server/accounts/routes.hpp"
#include "server/accounts/wire.hpp"
#include "server/core/api.hpp"
#include "server/core/http.hpp"
#include "server/core/log.hpp"
#include "server/core/registry.hpp"
#include "storage/accounts/queries.hpp"
#include "storage/accounts/writes.hpp"

namespace praxis::server::accounts {
namespace {

using protocol::ErrorCode;
using storage::Status;
using storage::accounts::Queries;
using Json = nlohmann::json;

// A page of the user's live sessions, newest first.
HttpResponse sessions_of(Http& h, const Principal& p, Id user) {
  HttpResponse error;
  auto parsed = protocol::accounts::parse_page(h.query("limit"), h.query("cursor"),
                                               protocol::accounts::CursorKey::kTime);
  const auto* page = parsed_or(parsed, error);
  if (!page) return error;
  std::optional<storage::accounts::TimeAfter> after;
  if (page->cursor) after = storage::accounts::TimeAfter{page->cursor->at, page->cursor->id};
  const auto now = h.clock().now();
  const auto found = h.read(
      [&](storage::Reader& r) { return Queries(r).sessions_of(user, now, after, page->limit); });
  Json list = Json::array();
  for (const auto& s : found.items) list.push_back(session_json(s, p.token_hash));
  return json_response(200, {{"sessions", list}, {"next", next_by_time(found)}});
}

HttpResponse own(Http& h) {
  HttpResponse error;
  auto p = h.principal(error);
  if (!p) return error;
  return sessions_of(h, *p, p->user);
}

HttpResponse of_user(Http& h) {
  HttpResponse error;
  auto p = h.admin(error);
  if (!p) return error;
  const auto id = h.id_param("id");
  if (!id || !h.read([&](storage::Reader& r) { return Queries(r).user_by_id(*id).has_value(); })) {
    return error_response(ErrorCode::kNotFound, "no such user");
  }
  return sessions_of(h, *p, *id);
}

// One's own session, or anyone's for an admin (decided in the write).
HttpResponse revoke(Http& h, State& st) {
  HttpResponse error;
  auto p = h.principal(error);
  if (!p) return error;
  const auto id = h.id_param("id");
  if (!id) return error_response(ErrorCode::kNotFound, "no such session");
  if (!allowed(st, p->user, error)) return error;
  const auto at = h.clock().now();
  storage::accounts::Session revoked;
  Status status = Status::kOk;
  const bool ok = h.write_sync([&](storage::Txn& tx) {
    status = storage::accounts::Writes(tx).revoke_session_by_id(*id, p->user, at, revoked);
  });
  if (!ok) return error_response(ErrorCode::kInternal, "could not revoke the session");
  if (status != Status::kOk) return error_response(ErrorCode::kNotFound, "no such session");
  h.live().close_session(revoked.user_id, revoked.token_hash, protocol::kCloseSessionRevoked,
                         "session revoked");
  log::info("session_revoked", {{"session", std::to_string(revoked.id)},
                                {"user", std::to_string(revoked.user_id)},
                                {"by", std::to_string(p->user)}});
  auto res = no_content();
  if (revoked.token_hash == p->token_hash) {
    res.headers.emplace_back("Set-Cookie", h.session_cookie("", 0));
  }
  return res;
}

}  // namespace

void add_session_routes(Registry& r, State& st) {
  r.route("GET", "/api/sessions", own);
  r.route("GET", "/api/users/{id}/sessions", of_user);
  r.route("DELETE", "/api/sessions/{id}", [&st](Http& h) { return revoke(h, st); });
}

}  // namespace praxis::server::accounts
