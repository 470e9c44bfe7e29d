// Building the HTTP API's answers (PROTOCOL.md 1): JSON bodies, typed errors,
// and who is asking (the signed-in user, or an admin) with the refusal if not.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "protocol/errors.hpp"
#include "protocol/http_api.hpp"
#include "server/auth.hpp"
#include "server/http_types.hpp"
#include "server/services.hpp"

namespace praxis::server {

HttpResponse json_response(unsigned status, const nlohmann::json& body);
HttpResponse error_response(protocol::ErrorCode code, const std::string& message);

// The parsed request, or nullptr with `error` set to its typed refusal.
template <class T>
const T* parsed_or(const protocol::Parsed<T>& p, HttpResponse& error) {
  if (auto* e = std::get_if<protocol::Error>(&p)) {
    error = error_response(e->code, e->message);
    return nullptr;
  }
  return &std::get<T>(p);
}

// The signed-in user making the request, or nullopt with `error` set (401/403).
std::optional<Principal> principal(Services& sv, const HttpRequest& req, HttpResponse& error);
// The same, and only if that user is an admin.
std::optional<Principal> admin(Services& sv, const HttpRequest& req, HttpResponse& error);

}  // namespace praxis::server
