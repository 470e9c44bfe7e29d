// Serves the built web client from `web_root`: hashed assets cached for a
// year, index.html never cached, unknown paths fall back to index.html (the
// client routes itself), a strict Content-Security-Policy on every page.
#pragma once

#include "server/http_types.hpp"

namespace praxis::server {

HttpResponse serve_static(const std::string& web_root, const std::string& path);

}  // namespace praxis::server
