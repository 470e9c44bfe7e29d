#include "server/invitations_api.hpp"

#include "protocol/http_api.hpp"
#include "server/api_response.hpp"
#include "server/clock.hpp"
#include "server/credentials.hpp"

namespace praxis::server {
namespace {

using protocol::ErrorCode;
using Json = nlohmann::json;

constexpr storage::Millis kInvitationMillis = 14LL * 24 * 3600 * 1000;

}  // namespace

HttpResponse api_create_invitation(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  auto p = admin(sv, req, error);
  if (!p) return error;
  auto parsed = protocol::parse_invitation(req.body);
  const auto* r = parsed_or(parsed, error);
  if (!r) return error;
  storage::Invitation inv;
  inv.email = r->email;
  inv.role = r->role == "admin" ? storage::UserRole::kAdmin : storage::UserRole::kMember;
  inv.created_by = p->user.id;
  inv.created_at = now_ms();
  inv.expires_at = inv.created_at + kInvitationMillis;
  const auto token = new_token();
  const bool ok = sv.store.writer().run_sync(
      [&](storage::WriteTxn& tx) { tx.create_invitation(inv, token_hash(token)); });
  if (!ok) return error_response(ErrorCode::kInternal, "could not store the invitation");
  return json_response(201, {{"invitation",
                              {{"id", inv.id},
                               {"token", token},
                               {"url", sv.origin + "/register?invitation=" + token},
                               {"expires_at", inv.expires_at}}}});
}

HttpResponse api_list_invitations(Services& sv, const HttpRequest& req) {
  HttpResponse error;
  if (!admin(sv, req, error)) return error;
  Json list = Json::array();
  for (const auto& i : sv.store.read([](storage::Reader& r) { return r.invitations(); })) {
    list.push_back({{"id", i.id},
                    {"email", i.email},
                    {"role", i.role == storage::UserRole::kAdmin ? "admin" : "member"},
                    {"created_at", i.created_at},
                    {"expires_at", i.expires_at},
                    {"used", i.used}});
  }
  return json_response(200, {{"invitations", list}});
}

}  // namespace praxis::server
