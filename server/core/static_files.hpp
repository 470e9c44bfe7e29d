// Serves the built web client from `web_root`: hashed assets cached for a
// year, index.html never cached, a strict Content-Security-Policy on every
// page. A path that names no file falls back to index.html only when it is a
// client route (no file extension, not under /assets/); a missing asset is 404.
#pragma once

#include <string>

#include "server/core/http_types.hpp"

namespace praxis::server {

HttpResponse serve_static(const std::string& web_root, const std::string& path);

}  // namespace praxis::server
