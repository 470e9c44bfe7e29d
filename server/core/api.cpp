#include "server/core/api.hpp"

#include "protocol/core/envelope.hpp"

namespace praxis::server {

HttpResponse json_response(unsigned status, const nlohmann::json& body) {
  HttpResponse res;
  res.status = status;
  res.body = protocol::dump(body);
  return res;
}

HttpResponse error_response(protocol::ErrorCode code, const std::string& message,
                            const nlohmann::json& extra) {
  nlohmann::json error = {{"code", protocol::to_string(code)}, {"message", message}};
  if (extra.is_object()) error.update(extra);
  return json_response(protocol::http_status(code), {{"error", error}});
}

HttpResponse no_content() {
  HttpResponse res;
  res.status = 204;
  return res;
}

}  // namespace praxis::server
