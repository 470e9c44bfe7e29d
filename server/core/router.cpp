#include "server/core/router.hpp"

#include <vector>

#include "server/core/api.hpp"
#include "server/core/auth.hpp"
#include "server/core/core.hpp"
#include "server/core/http.hpp"
#include "server/core/static_files.hpp"

namespace praxis::server {
namespace {

std::string path_of(const HttpRequest& req) { return req.target.substr(0, req.target.find('?')); }

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const auto end = path.find('/');
    out.push_back(path.substr(0, end));
    if (end == std::string_view::npos) break;
    path.remove_prefix(end);
  }
  return out;
}

bool matches(const Route& r, std::string_view path, std::map<std::string, std::string>& params) {
  const auto want = segments(r.pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      params.emplace(std::string(w.substr(1, w.size() - 2)), std::string(got[i]));
    } else if (w != got[i]) {
      return false;
    }
  }
  return true;
}

HttpResponse healthz(Core& core) {
  try {
    if (core.store->read([](storage::Reader& r) { return r.healthy(); })) {
      return json_response(200, {{"status", "ok"}, {"database", "ok"}});
    }
    return json_response(503, {{"status", "error"}, {"database", "not answering"}});
  } catch (const std::exception& e) {
    return json_response(503, {{"status", "error"}, {"database", e.what()}});
  }
}

HttpResponse metrics(Core& core) {
  HttpResponse res;
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.body = core.metrics.render(core.store->writer().queue_depth());
  return res;
}

HttpResponse dispatch(Core& core, const HttpRequest& req, const std::optional<Match>& m) {
  const std::string path = path_of(req);
  const bool get = req.method == "GET" || req.method == "HEAD";
  if (m && !get) {
    // A page on another site can send a form here without asking first (a
    // "simple" request, e.g. a login as someone else): a foreign Origin is
    // refused, and a body must be declared JSON, which a form cannot do.
    if (!req.origin.empty() && !origin_allowed(core, req.origin)) {
      return error_response(protocol::ErrorCode::kForbidden, "origin not allowed");
    }
    if (!req.body.empty() && req.content_type != "application/json") {
      return error_response(protocol::ErrorCode::kBadJson, "send the body as application/json");
    }
  }
  if (m) {
    Http http(core, req, m->params);
    return m->route->handle(http);
  }
  if (get && path == "/healthz") return healthz(core);
  if (get && path == "/metrics") return metrics(core);
  if (path.rfind("/api/", 0) == 0 || path == "/api" || !get) {
    return error_response(protocol::ErrorCode::kNotFound, "no such route");
  }
  return serve_static(core.settings.web_root, path, req.accept_encoding);
}

}  // namespace

std::optional<Match> match(const Registry& registry, const HttpRequest& req) {
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  const std::string path = path_of(req);
  Match m;
  for (const auto& r : registry.routes()) {
    if (r.method == method && matches(r, path, m.params)) {
      m.route = &r;
      return m;
    }
  }
  return std::nullopt;
}

void secure_headers(Core& core, const HttpRequest& req, HttpResponse& res) {
  const auto has = [&res](const char* name) {
    for (const auto& [k, v] : res.headers) {
      if (k == name) return true;
    }
    return false;
  };
  if (!has("X-Content-Type-Options")) res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  // API answers hold personal data: never cached (static files set their own).
  if (!has("Cache-Control")) res.headers.emplace_back("Cache-Control", "no-store");
  if (served_securely(core, req)) {
    res.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  }
}

HttpResponse route(Core& core, const HttpRequest& req, const std::optional<Match>& m) {
  auto res = dispatch(core, req, m);
  secure_headers(core, req, res);
  res.head_only = req.method == "HEAD";
  return res;
}

}  // namespace praxis::server
