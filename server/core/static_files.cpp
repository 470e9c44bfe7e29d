#include "server/core/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace praxis::server {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

const char* kPlaceholder = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Praxis</title></head>
<body><main><h1>Praxis is running</h1>
<p>The web client is not built into this server (setting <code>web_root</code>).
The HTTP and WebSocket APIs are available; see protocol/PROTOCOL.md.</p></main></body></html>
)";

std::string content_type(const fs::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

HttpResponse page(std::string body, std::string type, bool immutable) {
  HttpResponse res;
  res.content_type = std::move(type);
  res.body = std::move(body);
  res.headers.emplace_back("Content-Security-Policy", kCsp);
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Referrer-Policy", "no-referrer");
  res.headers.emplace_back("Cache-Control",
                           immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return res;
}

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

// A client route ("/rooms/12", "/setup"): no extension in the last segment
// and not under /assets/. Anything else that is missing is a missing file.
bool client_route(const std::string& path) {
  if (path.rfind("/assets/", 0) == 0) return false;
  const auto last = path.substr(path.rfind('/') + 1);
  return last.find('.') == std::string::npos;
}

}  // namespace

HttpResponse serve_static(const std::string& web_root, const std::string& path) {
  if (web_root.empty()) return page(kPlaceholder, "text/html; charset=utf-8", false);
  // NOTE: the non-throwing overloads: a client's path (a segment over NAME_MAX,
  // say) must give "no such file", not an exception.
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(web_root, ec);
  fs::path file = ec ? fs::path() : fs::weakly_canonical(root / fs::path(path).relative_path(), ec);
  const auto rel = ec ? fs::path() : file.lexically_relative(root);
  const bool inside = !ec && !rel.empty() && *rel.begin() != "..";
  std::string body;
  if (inside && fs::is_regular_file(file, ec) && read_file(file, body)) {
    const bool hashed = rel.begin() != rel.end() && *rel.begin() == "assets";
    return page(std::move(body), content_type(file), hashed);
  }
  if (!client_route(path)) {
    HttpResponse res;
    res.status = 404;
    res.content_type = "text/plain; charset=utf-8";
    res.body = "not found\n";
    return res;
  }
  if (!read_file(root / "index.html", body)) {
    return page(kPlaceholder, "text/html; charset=utf-8", false);
  }
  return page(std::move(body), "text/html; charset=utf-8", false);
}

}  // namespace praxis::server
