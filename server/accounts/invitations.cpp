// The invitation routes (protocol/accounts/accounts.md): an admin invites by
// e-mail (a one-time registration link), lists invitations and revokes them;
// the link's holder, signed out, checks it to pre-fill the registration form.
// Registering with one is in routes.cpp.
#include "protocol/accounts/bodies.hpp"
#include "protocol/accounts/lists.hpp"
#include "server/accounts/routes.hpp"
#include "server/accounts/wire.hpp"
#include "server/core/api.hpp"
#include "server/core/http.hpp"
#include "server/core/registry.hpp"
#include "server/core/tokens.hpp"
#include "storage/accounts/queries.hpp"
#include "storage/accounts/writes.hpp"

namespace praxis::server::accounts {
namespace {

using protocol::ErrorCode;
using Json = nlohmann::json;

HttpResponse create(Http& h, const State& st) {
  HttpResponse error;
  auto p = h.admin(error);
  if (!p) return error;
  auto parsed = protocol::accounts::parse_invitation(h.request().body);
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  storage::accounts::Invitation inv;
  inv.email = r->email;
  inv.role = r->role == "admin" ? storage::accounts::UserRole::kAdmin
                                : storage::accounts::UserRole::kMember;
  inv.created_by = p->user;
  inv.created_at = h.clock().now();
  inv.expires_at = inv.created_at + static_cast<Millis>(st.config.invitation_days) * 86400 * 1000;
  const auto token = new_token();
  const bool ok = h.write_sync([&](storage::Txn& tx) {
    storage::accounts::Writes(tx).create_invitation(inv, token_hash(token));
  });
  if (!ok) return error_response(ErrorCode::kInternal, "could not store the invitation");
  return json_response(201, {{"invitation",
                              {{"id", inv.id},
                               {"token", token},
                               {"url", h.origin() + "/register?invitation=" + token},
                               {"expires_at", inv.expires_at}}}});
}

HttpResponse list(Http& h) {
  HttpResponse error;
  if (!h.admin(error)) return error;
  auto parsed = protocol::accounts::parse_page(h.query("limit"), h.query("cursor"),
                                               protocol::accounts::CursorKey::kTime);
  const auto* page = parsed_or(parsed, error);
  if (!page) return error;
  std::optional<storage::accounts::TimeAfter> after;
  if (page->cursor) after = storage::accounts::TimeAfter{page->cursor->at, page->cursor->id};
  const auto found = h.read([&](storage::Reader& r) {
    return storage::accounts::Queries(r).invitations_page(after, page->limit);
  });
  Json out = Json::array();
  for (const auto& i : found.items) {
    out.push_back({{"id", i.id},
                   {"email", i.email},
                   {"role", role_name(i.role)},
                   {"created_at", i.created_at},
                   {"expires_at", i.expires_at},
                   {"used", i.used},
                   {"revoked", i.revoked}});
  }
  return json_response(200, {{"invitations", out}, {"next", next_by_time(found)}});
}

// DELETE /api/invitations/{id}: a revoked invitation registers nobody.
HttpResponse revoke(Http& h) {
  HttpResponse error;
  auto p = h.admin(error);
  if (!p) return error;
  const auto id = h.id_param("id");
  if (!id) return error_response(ErrorCode::kNotFound, "no such invitation");
  const auto at = h.clock().now();
  storage::Status status = storage::Status::kOk;
  const bool ok = h.write_sync([&](storage::Txn& tx) {
    status = storage::accounts::Writes(tx).revoke_invitation(*id, p->user, at);
  });
  if (!ok) return error_response(ErrorCode::kInternal, "could not revoke the invitation");
  switch (status) {
    case storage::Status::kOk:
    case storage::Status::kUnchanged:
      return no_content();
    case storage::Status::kNotFound:
      return error_response(ErrorCode::kNotFound, "no such invitation");
    case storage::Status::kForbidden:
      return error_response(ErrorCode::kForbidden, "admins only");
    default:
      return error_response(ErrorCode::kConflict, "this invitation was used already");
  }
}

// POST /api/invitations/check: no session. What a usable invitation names;
// a wrong token is refused and counted as register counts it (link_usable).
HttpResponse check(Http& h, State& st) {
  HttpResponse error;
  auto parsed = protocol::accounts::parse_invitation_check(h.request().body);
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  const auto hash = token_hash(r->invitation);
  const auto now = h.clock().now();
  std::optional<storage::accounts::Invitation> found;
  const auto usable = [&](storage::Reader& rd) {
    found = storage::accounts::Queries(rd).usable_invitation(hash, now);
    return found.has_value();
  };
  if (!link_usable(h, st, "invitation", usable, error)) return error;
  return json_response(200, {{"email", found->email},
                             {"role", role_name(found->role)},
                             {"expires_at", found->expires_at}});
}

}  // namespace

void add_invitation_routes(Registry& r, State& st) {
  r.route("POST", "/api/invitations", [&st](Http& h) { return create(h, st); });
  r.route("POST", "/api/invitations/check", [&st](Http& h) { return check(h, st); });
  r.route("GET", "/api/invitations", list);
  r.route("DELETE", "/api/invitations/{id}", revoke);
}

}  // namespace praxis::server::accounts
