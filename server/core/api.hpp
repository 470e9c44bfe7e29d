// Building the HTTP API's answers (PROTOCOL.md, "HTTP API"): JSON bodies and
// typed errors, and the request's parsed body or its refusal.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "protocol/core/errors.hpp"
#include "server/core/http_types.hpp"

namespace praxis::server {

HttpResponse json_response(unsigned status, const nlohmann::json& body);
HttpResponse error_response(protocol::ErrorCode code, const std::string& message,
                            const nlohmann::json& extra = nullptr);
HttpResponse no_content();

// The parsed request, or nullptr with `error` set to its typed refusal.
// Parsed: std::variant<T, protocol::Error>.
template <class T>
const T* parsed_or(const std::variant<T, protocol::Error>& p, HttpResponse& error) {
  if (auto* e = std::get_if<protocol::Error>(&p)) {
    error = error_response(e->code, e->message);
    return nullptr;
  }
  return &std::get<T>(p);
}

}  // namespace praxis::server
