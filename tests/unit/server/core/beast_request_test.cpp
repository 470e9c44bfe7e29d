#include "server/core/beast_request.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace praxis::server {
namespace {

namespace http = boost::beast::http;
using BeastRequest = http::request<http::string_body>;

const std::vector<std::string> kTrusted = {"10.0.0.9"};

TEST_CASE("beast request: the fields routes and auth see") {
  BeastRequest req{http::verb::post, "/api/login?next=%2F", 11};
  req.set(http::field::cookie, "praxis_session=tok");
  req.set(http::field::authorization, "Bearer abc");
  req.set(http::field::origin, "http://localhost:8080");
  req.set(http::field::user_agent, std::string(300, 'u'));
  req.set(http::field::content_type, " Application/JSON ; charset=utf-8");
  req.body() = R"({"email":"a@example.org"})";

  const auto r = to_http_request(req, "203.0.113.5", true, kTrusted);
  CHECK(r.method == "POST");
  CHECK(r.target == "/api/login?next=%2F");
  CHECK(r.body == R"({"email":"a@example.org"})");
  CHECK(r.cookie == "praxis_session=tok");
  CHECK(r.authorization == "Bearer abc");
  CHECK(r.origin == "http://localhost:8080");
  CHECK(r.content_type == "application/json");   // the media type alone, lower case
  CHECK(r.user_agent == std::string(256, 'u'));  // cut to 256
  CHECK(r.address == "203.0.113.5");
  CHECK(r.tls);

  const auto bare = to_http_request(BeastRequest{http::verb::get, "/", 11}, "::1", false, {});
  CHECK(bare.origin.empty());
  CHECK(bare.content_type.empty());
  CHECK(bare.cookie.empty());
  CHECK(bare.address == "::1");
  CHECK_FALSE(bare.tls);
}

TEST_CASE("beast request: the client's address behind a trusted proxy") {
  BeastRequest req{http::verb::get, "/ws", 11};
  req.set("X-Forwarded-For", "6.6.6.6, 198.51.100.7");
  req.set("X-Real-IP", "198.51.100.8");
  CHECK(to_http_request(req, "10.0.0.9", false, kTrusted).address == "198.51.100.7");
  CHECK(to_http_request(req, "203.0.113.5", false, kTrusted).address == "203.0.113.5");
  req.erase("X-Forwarded-For");
  CHECK(to_http_request(req, "10.0.0.9", false, kTrusted).address == "198.51.100.8");
}

// Bug: only the first X-Forwarded-For field is read (Beast's operator[]). A
// proxy that appends its own field line (HAProxy's `option forwardfor`) puts
// the client's address in the last one, so the client's own forged first line
// becomes its address: per-address limits and login throttling are evaded.
TEST_CASE("beast request: every X-Forwarded-For line counts, in order") {
  BeastRequest req{http::verb::get, "/ws", 11};
  req.insert("X-Forwarded-For", "6.6.6.6");       // sent by the client
  req.insert("X-Forwarded-For", "198.51.100.7");  // appended by the proxy
  CHECK(to_http_request(req, "10.0.0.9", false, kTrusted).address == "198.51.100.7");
}

}  // namespace
}  // namespace praxis::server
