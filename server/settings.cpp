#include "server/settings.hpp"

#include <charconv>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace praxis::server {
namespace {

using Setter = std::function<bool(Settings&, const std::string&)>;

template <class T>
bool parse_number(const std::string& v, T& out) {
  const char* end = v.data() + v.size();
  auto [ptr, ec] = std::from_chars(v.data(), end, out);
  return ec == std::errc() && ptr == end;
}

template <class T>
Setter number(T Settings::*field) {
  return [field](Settings& s, const std::string& v) { return parse_number(v, s.*field); };
}
template <class T>
Setter limit(T protocol::Limits::*field) {
  return [field](Settings& s, const std::string& v) { return parse_number(v, s.limits.*field); };
}
Setter text(std::string Settings::*field) {
  return [field](Settings& s, const std::string& v) {
    s.*field = v;
    return true;
  };
}
Setter list(std::vector<std::string> Settings::*field) {
  return [field](Settings& s, const std::string& v) {
    std::stringstream in(v);
    std::string item;
    (s.*field).clear();
    while (std::getline(in, item, ',')) {
      const auto b = item.find_first_not_of(" \t");
      if (b == std::string::npos) continue;
      (s.*field).push_back(item.substr(b, item.find_last_not_of(" \t") - b + 1));
    }
    return true;
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table = {
      {"listen", text(&Settings::listen)},
      {"port", number(&Settings::port)},
      {"data_dir", text(&Settings::data_dir)},
      {"port_file", text(&Settings::port_file)},
      {"public_url", text(&Settings::public_url)},
      {"allowed_origins", list(&Settings::allowed_origins)},
      {"tls_cert", text(&Settings::tls_cert)},
      {"tls_key", text(&Settings::tls_key)},
      {"threads", number(&Settings::threads)},
      {"web_root", text(&Settings::web_root)},
      {"admin_email", text(&Settings::admin_email)},
      {"admin_password", text(&Settings::admin_password)},
      {"admin_name", text(&Settings::admin_name)},
      {"kdf_memory_kib", number(&Settings::kdf_memory_kib)},
      {"kdf_iterations", number(&Settings::kdf_iterations)},
      {"login_failures_before_delay", number(&Settings::login_failures_before_delay)},
      {"session_days", number(&Settings::session_days)},
      {"shutdown_grace_seconds", number(&Settings::shutdown_grace_seconds)},
      {"request_timeout_seconds", number(&Settings::request_timeout_seconds)},
      {"handshake_timeout_seconds", number(&Settings::handshake_timeout_seconds)},
      {"idle_timeout_seconds", number(&Settings::idle_timeout_seconds)},
      {"max_frame_bytes", limit(&protocol::Limits::max_frame_bytes)},
      {"max_text_chars", limit(&protocol::Limits::max_text_chars)},
      {"messages_per_second", limit(&protocol::Limits::messages_per_second)},
      {"messages_burst", limit(&protocol::Limits::messages_burst)},
      {"max_connections_per_address", limit(&protocol::Limits::max_connections_per_address)},
      {"max_rooms_per_user", limit(&protocol::Limits::max_rooms_per_user)},
      {"max_queue_bytes", limit(&protocol::Limits::max_queue_bytes)},
      {"history_page_max", limit(&protocol::Limits::history_page_max)},
      {"resume_max_events", limit(&protocol::Limits::resume_max_events)},
      {"max_body_bytes", limit(&protocol::Limits::max_body_bytes)},
  };
  return table;
}

std::string normalise(std::string name) {
  for (auto& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string apply(Settings& s, const std::string& raw_name, const std::string& value) {
  const auto name = normalise(raw_name);
  auto it = setters().find(name);
  if (it == setters().end()) return "unknown setting '" + raw_name + "'";
  if (!it->second(s, value)) return "bad value '" + value + "' for setting '" + raw_name + "'";
  return "";
}

std::string apply_file(Settings& s, const std::string& path) {
  std::ifstream in(path);
  if (!in) return "cannot read config file " + path;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) return path + ":" + std::to_string(n) + ": expected name = value";
    auto err = apply(s, trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
    if (!err.empty()) return path + ":" + std::to_string(n) + ": " + err;
  }
  return "";
}

// Values that parse but make no sense (NaN rates, a KDF below libargon2's
// minimum, zero-sized limits) are refused at start, not discovered in use.
std::variant<Settings, std::string> validate(const Settings& s) {
  const auto& l = s.limits;
  const auto positive = [](double v) { return v > 0 && v < 1e12; };  // false for NaN
  if (s.threads < 1) return "threads must be at least 1";
  if (s.kdf_memory_kib < 8 || s.kdf_iterations < 1) {
    return "kdf_memory_kib must be at least 8 and kdf_iterations at least 1";
  }
  if (s.session_days < 1 || s.shutdown_grace_seconds < 0 || s.handshake_timeout_seconds < 1 ||
      s.request_timeout_seconds < 1 || s.idle_timeout_seconds < 1 ||
      s.login_failures_before_delay < 1) {
    return "session_days, timeouts and login_failures_before_delay must be positive";
  }
  if (!positive(l.messages_per_second) || !positive(l.messages_burst) || l.messages_burst < 1) {
    return "messages_per_second and messages_burst must be positive numbers (burst >= 1)";
  }
  if (l.max_frame_bytes < 256 || l.max_text_chars < 1 || l.max_connections_per_address < 1 ||
      l.max_rooms_per_user < 1 || l.max_queue_bytes < l.max_frame_bytes || l.history_page_max < 1 ||
      l.resume_max_events < 1 || l.max_body_bytes < 1024) {
    return "a limit is out of range (max_frame_bytes >= 256, max_body_bytes >= 1024, "
           "max_queue_bytes >= max_frame_bytes, others >= 1)";
  }
  return s;
}

}  // namespace

std::variant<Settings, std::string> parse_settings(int argc, const char* const* argv) {
  Settings s;
  std::vector<std::pair<std::string, std::string>> flags;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) return "unexpected argument '" + arg + "'";
    arg = arg.substr(2);
    std::string value;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return "setting --" + arg + " needs a value";
    }
    if (normalise(arg) == "config") {
      if (auto err = apply_file(s, value); !err.empty()) return err;
    } else {
      flags.emplace_back(arg, value);
    }
  }
  for (const auto& [name, value] : flags) {
    if (auto err = apply(s, name, value); !err.empty()) return err;
  }
  if (s.tls_cert.empty() != s.tls_key.empty()) return "tls_cert and tls_key go together";
  return validate(s);
}

std::string settings_help() {
  std::string out = "usage: praxisd [--config FILE] [--name value ...]\nsettings:\n";
  for (const auto& [name, setter] : setters()) out += "  --" + name + "\n";
  return out;
}

}  // namespace praxis::server
