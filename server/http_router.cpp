#include "server/http_router.hpp"

#include <map>
#include <utility>

#include "server/accounts_api.hpp"
#include "server/api_response.hpp"
#include "server/invitations_api.hpp"
#include "server/static_files.hpp"

namespace praxis::server {
namespace {

using Handler = HttpResponse (*)(Services&, const HttpRequest&);

HttpResponse healthz(Services& sv, const HttpRequest&) {
  try {
    if (sv.store.read([](storage::Reader& r) { return r.healthy(); })) {
      return json_response(200, {{"status", "ok"}, {"database", "ok"}});
    }
    return json_response(503, {{"status", "error"}, {"database", "not answering"}});
  } catch (const std::exception& e) {
    return json_response(503, {{"status", "error"}, {"database", e.what()}});
  }
}

HttpResponse metrics(Services& sv, const HttpRequest&) {
  HttpResponse res;
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.body = sv.metrics.render(sv.store.writer().queue_depth());
  return res;
}

const std::map<std::pair<std::string, std::string>, Handler>& routes() {
  static const std::map<std::pair<std::string, std::string>, Handler> table = {
      {{"GET", "/healthz"}, healthz},
      {{"GET", "/metrics"}, metrics},
      {{"GET", "/api/setup"}, api_setup_status},
      {{"POST", "/api/setup"}, api_setup},
      {{"POST", "/api/login"}, api_login},
      {{"POST", "/api/logout"}, api_logout},
      {{"GET", "/api/me"}, api_me},
      {{"PATCH", "/api/me"}, api_update_me},
      {{"POST", "/api/invitations"}, api_create_invitation},
      {{"GET", "/api/invitations"}, api_list_invitations},
      {{"POST", "/api/register"}, api_register},
      {{"GET", "/api/users"}, api_users},
  };
  return table;
}

}  // namespace

namespace {

HttpResponse dispatch(Services& sv, const HttpRequest& req) {
  const std::string path = req.target.substr(0, req.target.find('?'));
  // HEAD is answered as GET (the session sends no body for it).
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  if (auto it = routes().find({method, path}); it != routes().end()) {
    return it->second(sv, req);
  }
  if (path.rfind("/api/", 0) == 0 || path == "/healthz" || path == "/metrics") {
    return error_response(protocol::ErrorCode::kNotFound, "no such route");
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return error_response(protocol::ErrorCode::kNotFound, "no such route");
  }
  return serve_static(sv.settings.web_root, path);
}

}  // namespace

HttpResponse route(Services& sv, const HttpRequest& req) {
  auto res = dispatch(sv, req);
  res.head_only = req.method == "HEAD";
  return res;
}

}  // namespace praxis::server
