// Maps an HTTP request to its answer: the core's /healthz and /metrics, the
// routes features registered (path patterns with {name} segments), and the
// web client's static files for everything else. Every API answer carries
// nosniff and no-store; over https every answer carries HSTS.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "server/core/http_types.hpp"
#include "server/core/registry.hpp"

namespace praxis::server {

struct Core;

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
};

// The registered route for the request (HEAD is looked up as GET), if any.
std::optional<Match> match(const Registry& registry, const HttpRequest& req);

// The whole answer to req (match: from match(), or nullopt). Runs on an HTTP
// pool thread.
HttpResponse route(Core& core, const HttpRequest& req, const std::optional<Match>& m);

// Headers every answer gets (status and type already set).
void secure_headers(Core& core, const HttpRequest& req, HttpResponse& res);

}  // namespace praxis::server
