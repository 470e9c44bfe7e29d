// Beast's parsed request to the transport-free HttpRequest that the routes,
// auth and static files see (server/http_types.hpp). One place, used by
// HttpSession and by the HTTP fuzz target.
#pragma once

#include <boost/beast/http.hpp>
#include <string>

#include "server/http_types.hpp"

namespace praxis::server {

inline HttpRequest to_http_request(
    const boost::beast::http::request<boost::beast::http::string_body>& req, std::string address,
    bool tls) {
  namespace http = boost::beast::http;
  HttpRequest r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  r.body = req.body();
  r.cookie = std::string(req[http::field::cookie]);
  r.authorization = std::string(req[http::field::authorization]);
  r.origin = std::string(req[http::field::origin]);
  r.address = std::move(address);
  r.tls = tls;
  return r;
}

}  // namespace praxis::server
