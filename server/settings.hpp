// praxisd's settings: every one has a default, can be set by a command-line
// flag (--name value, dashes or underscores) and by a config file
// (--config FILE, lines "name = value", '#' comments). Flags win over the file.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "protocol/limits.hpp"

namespace praxis::server {

struct Settings {
  std::string listen = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string data_dir = "data";
  std::string port_file;   // written with the bound port once listening
  std::string public_url;  // the instance's own origin; default http://localhost:PORT
  std::vector<std::string> allowed_origins;
  std::string tls_cert;  // PEM files; both set = HTTPS/WSS only
  std::string tls_key;
  int threads = 2;
  std::string web_root;  // built web client; empty = a placeholder page
  // First admin, created at start when no admin exists.
  std::string admin_email;
  std::string admin_password;
  std::string admin_name = "Admin";
  // argon2id cost (OWASP: m=19 MiB, t=2, p=1).
  std::uint32_t kdf_memory_kib = 19456;
  std::uint32_t kdf_iterations = 2;
  int login_failures_before_delay = 5;
  int session_days = 30;
  int shutdown_grace_seconds = 5;
  int request_timeout_seconds = 30;  // to read one HTTP request (or finish TLS setup)
  int handshake_timeout_seconds = 10;
  int idle_timeout_seconds = 60;
  protocol::Limits limits;
};

// Returns the settings, or an error message for the operator.
std::variant<Settings, std::string> parse_settings(int argc, const char* const* argv);

// The help text listing every setting with its default.
std::string settings_help();

}  // namespace praxis::server
