#include "server/core/static_files.hpp"

#include <cctype>
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

std::string lower_trimmed(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The file's body, or its best precompressed sibling the client accepts
// (brotli, then gzip), with the headers that say so.
HttpResponse file_page(const fs::path& file, std::string body, bool immutable,
                       const std::string& accept_encoding) {
  static const std::pair<const char*, const char*> kVariants[] = {{"br", ".br"}, {"gzip", ".gz"}};
  bool variants = false;
  std::error_code ec;
  for (const auto& [coding, suffix] : kVariants) {
    const fs::path sibling = fs::path(file.string() + suffix);
    if (!fs::is_regular_file(sibling, ec)) continue;
    variants = true;
    std::string packed;
    if (!accepts_encoding(accept_encoding, coding) || !read_file(sibling, packed)) continue;
    auto res = page(std::move(packed), content_type(file), immutable);
    res.headers.emplace_back("Content-Encoding", coding);
    res.headers.emplace_back("Vary", "Accept-Encoding");
    return res;
  }
  auto res = page(std::move(body), content_type(file), immutable);
  if (variants) res.headers.emplace_back("Vary", "Accept-Encoding");
  return res;
}

// A client route ("/rooms/12", "/setup"): no extension in the last segment
// and not under /assets/. Anything else that is missing is a missing file.
bool client_route(const std::string& path) {
  if (path.rfind("/assets/", 0) == 0) return false;
  const auto last = path.substr(path.rfind('/') + 1);
  return last.find('.') == std::string::npos;
}

}  // namespace

bool accepts_encoding(const std::string& accept_encoding, const std::string& coding) {
  bool star = false;
  std::size_t start = 0;
  while (start <= accept_encoding.size()) {
    auto end = accept_encoding.find(',', start);
    if (end == std::string::npos) end = accept_encoding.size();
    const auto item = accept_encoding.substr(start, end - start);
    start = end + 1;
    const auto semi = item.find(';');
    const auto name = lower_trimmed(item.substr(0, semi));
    bool zero = false;
    if (semi != std::string::npos) {
      const auto param = lower_trimmed(item.substr(semi + 1));
      if (param.rfind("q=", 0) == 0) {
        const auto q = param.substr(2);
        zero = q.find_first_not_of("0.") == std::string::npos;
      }
    }
    if (name == coding) return !zero;
    if (name == "*") star = !zero;
  }
  return star;
}

HttpResponse serve_static(const std::string& web_root, const std::string& path,
                          const std::string& accept_encoding) {
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
    return file_page(file, std::move(body), hashed, accept_encoding);
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
  return file_page(root / "index.html", std::move(body), false, accept_encoding);
}

}  // namespace praxis::server
