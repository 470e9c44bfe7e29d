// HTTP requests and responses as routes see them: plain values, so that
// routing and the API are independent of the transport (and testable alone).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace praxis::server {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query
  std::string body;
  std::string cookie;
  std::string authorization;
  std::string content_type;  // the media type, lower case, without parameters
  std::string origin;        // empty: no Origin header
  std::string user_agent;
  std::string accept_encoding;  // as sent (bounded): which compressed variants may be served
  std::string address;          // the client's IP (behind a trusted proxy: as it reports)
  bool tls = false;
};

struct HttpResponse {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool head_only = false;  // answer to HEAD: headers (with the body's length) only
};

}  // namespace praxis::server
