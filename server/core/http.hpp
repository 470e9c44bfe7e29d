// All an HTTP route handler sees (registered with Registry::route): the
// request, its path parameters and query, who is asking, and Services. It
// runs on the HTTP pool (or the heavy pool) and returns the whole response.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "server/core/principal.hpp"
#include "server/core/services.hpp"

namespace praxis::server {

struct HttpRequest;
struct HttpResponse;

class Http : public Services {
 public:
  Http(Core& core, const HttpRequest& req, std::map<std::string, std::string> params)
      : Services(core), req_(req), params_(std::move(params)) {}

  const HttpRequest& request() const { return req_; }
  // A {name} segment of the route's pattern.
  const std::string& param(const std::string& name) const;
  // A positive integer {name} segment, if it is one.
  std::optional<Id> id_param(const std::string& name) const;
  // ?name=value of the target, percent-decoded; nullopt if absent.
  std::optional<std::string> query(const std::string& name) const;

  // The signed-in user making the request, or nullopt with `error` set (401/403).
  std::optional<Principal> principal(HttpResponse& error);
  // The same, and only if that user is an admin (403 otherwise).
  std::optional<Principal> admin(HttpResponse& error);

  // Set-Cookie value for a session token (Secure and __Host- over https);
  // max_age 0 clears it.
  std::string session_cookie(const std::string& token, long max_age_seconds) const;
  // Whether clients reach this instance over https.
  bool secure() const;

 private:
  const HttpRequest& req_;
  std::map<std::string, std::string> params_;
};

}  // namespace praxis::server
