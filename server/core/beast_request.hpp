// Beast's parsed request to the transport-free HttpRequest that the routes,
// auth and static files see (server/core/http_types.hpp). One place, used by
// HttpSession and by the HTTP fuzz target. The client's address is the peer's,
// or what a trusted proxy reports (auth.hpp client_address).
#pragma once

#include <boost/beast/http.hpp>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "server/core/auth.hpp"
#include "server/core/http_types.hpp"

namespace praxis::server {

// "Application/JSON; charset=utf-8" is application/json.
inline std::string media_type(std::string_view header) {
  std::string t(header.substr(0, header.find(';')));
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  const auto start = t.find_first_not_of(" \t");
  t.erase(0, start == std::string::npos ? t.size() : start);
  for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return t;
}

inline HttpRequest to_http_request(
    const boost::beast::http::request<boost::beast::http::string_body>& req,
    const std::string& peer, bool tls, const std::vector<std::string>& trusted_proxies) {
  namespace http = boost::beast::http;
  HttpRequest r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  r.body = req.body();
  r.cookie = std::string(req[http::field::cookie]);
  r.authorization = std::string(req[http::field::authorization]);
  r.content_type = media_type(req[http::field::content_type]);
  r.origin = std::string(req[http::field::origin]);
  r.user_agent = std::string(req[http::field::user_agent]).substr(0, 256);
  r.accept_encoding = std::string(req[http::field::accept_encoding]).substr(0, 256);
  // Every X-Forwarded-For line, in order: a proxy may append a line of its own
  // rather than extend the client's.
  std::string forwarded;
  for (auto [it, end] = req.equal_range("X-Forwarded-For"); it != end; ++it) {
    if (!forwarded.empty()) forwarded += ',';
    forwarded += std::string(it->value());
  }
  r.address = client_address(trusted_proxies, peer, forwarded, req["X-Real-IP"]);
  r.tls = tls;
  return r;
}

}  // namespace praxis::server
