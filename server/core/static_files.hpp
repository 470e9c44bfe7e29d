// Serves the built web client from `web_root`: hashed assets cached for a
// year, index.html never cached, a strict Content-Security-Policy on every
// page. A path that names no file falls back to index.html only when it is a
// client route (no file extension, not under /assets/); a missing asset is 404.
// A file built with precompressed siblings (NAME.br, NAME.gz, written by the
// client's build) is served as the best of them that `accept_encoding` allows,
// with Content-Encoding and Vary: Accept-Encoding.
#pragma once

#include <string>

#include "server/core/http_types.hpp"

namespace praxis::server {

HttpResponse serve_static(const std::string& web_root, const std::string& path,
                          const std::string& accept_encoding = "");

// Whether an Accept-Encoding header allows `coding` ("br", "gzip"): named, or
// "*", and not with q=0.
bool accepts_encoding(const std::string& accept_encoding, const std::string& coding);

}  // namespace praxis::server
