#include "server/api_response.hpp"

namespace praxis::server {

using protocol::ErrorCode;
using Json = nlohmann::json;

HttpResponse json_response(unsigned status, const Json& body) {
  HttpResponse res;
  res.status = status;
  res.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return res;
}

HttpResponse error_response(ErrorCode code, const std::string& message) {
  return json_response(protocol::http_status(code),
                       {{"error", {{"code", protocol::to_string(code)}, {"message", message}}}});
}

std::optional<Principal> principal(Services& sv, const HttpRequest& req, HttpResponse& error) {
  auto r = authenticate_api(sv, req);
  if (auto* code = std::get_if<ErrorCode>(&r)) {
    error = error_response(*code,
                           *code == ErrorCode::kForbidden ? "origin not allowed" : "sign in first");
    return std::nullopt;
  }
  return std::get<Principal>(std::move(r));
}

std::optional<Principal> admin(Services& sv, const HttpRequest& req, HttpResponse& error) {
  auto p = principal(sv, req, error);
  if (p && p->user.role != storage::UserRole::kAdmin) {
    error = error_response(ErrorCode::kForbidden, "admins only");
    return std::nullopt;
  }
  return p;
}

}  // namespace praxis::server
