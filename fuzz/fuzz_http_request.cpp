// libFuzzer target: one raw HTTP request as praxisd reads it, then the parts of
// its handling that parse request input without a database:
// * Beast's request parser with the limits of server/http_session.cpp (16 KiB of
//   headers, max_body_bytes of body), fed in two pieces as a socket would;
// * the conversion to HttpRequest (server/core/beast_request.hpp, as HttpSession
//   does), from a trusted proxy's address, so X-Forwarded-For and X-Real-IP are read;
// * presented_token (server/core/auth.cpp): the bearer token or the session cookie;
// * the route's path (target up to '?', as server/core/router.cpp splits it) and,
//   for other GETs, serve_static (server/core/static_files.cpp) on a scratch web root.
// Properties: no crash or sanitizer report; a presented token is a substring of
// the header it came from; the client address is the peer or a part of the
// forwarding headers; serve_static never returns a file outside the web root
// (a "secret" file beside the root must never be served).
#include <unistd.h>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "server/core/auth.hpp"
#include "server/core/beast_request.hpp"
#include "server/core/static_files.hpp"

namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;
using praxis::server::HttpRequest;
using praxis::server::to_http_request;

constexpr const char* kSecret = "SECRET-OUTSIDE-THE-WEB-ROOT";
constexpr const char* kPeer = "127.0.0.1";
const std::vector<std::string> kTrusted = {kPeer};
std::string g_root;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

void make_root() {
  const fs::path base = fs::temp_directory_path() / ("praxis-fuzz-" + std::to_string(::getpid()));
  write(base / "secret.txt", kSecret);
  write(base / "webroot-secret.txt", kSecret);  // shares a prefix with the root's name
  write(base / "webroot" / "index.html", "<!doctype html><title>index</title>");
  write(base / "webroot" / "assets" / "app-1234.js", "console.log(1)");
  write(base / "webroot" / "favicon.ico", "ico");
  std::error_code ec;
  fs::create_directory_symlink("..", base / "webroot" / "up", ec);  // a link out of the root
  g_root = (base / "webroot").string();
}

bool substring_of(const std::string& part, const std::string& whole) {
  return whole.find(part) != std::string::npos;
}

void handle(const HttpRequest& r) {
  if (auto token = praxis::server::presented_token(r)) {
    if (!substring_of(*token, r.authorization) && !substring_of(*token, r.cookie)) std::abort();
  }
  const std::string path = r.target.substr(0, r.target.find('?'));
  if (r.method != "GET" && r.method != "HEAD") return;
  if (path.rfind("/api/", 0) == 0) return;
  praxis::server::HttpResponse res;
  try {
    res = praxis::server::serve_static(g_root, path);
  } catch (const std::exception&) {
    return;  // the router turns an exception into 500 internal
  }
  if (res.body.find(kSecret) != std::string::npos) std::abort();  // escaped the web root
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_root();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  http::request_parser<http::string_body> parser;
  parser.eager(true);
  parser.body_limit(64 * 1024);
  parser.header_limit(16 * 1024);
  boost::beast::error_code ec;
  // As http::async_read does: bytes arrive in two pieces (split anywhere); after
  // need_more the parser is called again only once more bytes were appended.
  const std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
  const std::string_view pieces[] = {input.substr(0, cut), input.substr(cut)};
  std::string buffer;
  for (const auto piece : pieces) {
    if (piece.empty()) continue;  // a read returns at least one byte
    buffer.append(piece);
    while (!ec && !buffer.empty() && !parser.is_done()) {
      const std::size_t used = parser.put(boost::asio::buffer(buffer), ec);
      buffer.erase(0, used);
      if (ec == http::error::need_more) {
        ec = {};
        break;
      }
      if (used == 0) break;
    }
    if (ec || parser.is_done()) break;
  }
  // The peer closes: put_eof's precondition is that some input was parsed.
  if (!ec && !parser.is_done() && parser.got_some()) parser.put_eof(ec);
  if (ec || !parser.is_done()) {
    // Header-only inputs still reach the auth helpers through their fields.
    HttpRequest r;
    r.authorization = std::string(input);
    r.cookie = std::string(input);
    handle(r);
    return 0;
  }
  const auto& req = parser.get();
  const auto r = to_http_request(req, kPeer, false, kTrusted);
  const std::string forwarded =
      std::string(req["X-Forwarded-For"]) + "," + std::string(req["X-Real-IP"]);
  if (r.address != kPeer && !substring_of(r.address, forwarded)) std::abort();
  if (r.address.find(',') != std::string::npos) std::abort();  // one address, not a list
  handle(r);
  return 0;
}
