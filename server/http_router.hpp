// Maps an HTTP request to its handler: /healthz, /metrics, the /api routes
// and the web client's static files. Runs on a worker thread.
#pragma once

#include "server/http_types.hpp"
#include "server/services.hpp"

namespace praxis::server {

HttpResponse route(Services& sv, const HttpRequest& req);

}  // namespace praxis::server
