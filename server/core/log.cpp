#include "server/core/log.hpp"

#include <algorithm>
#include <cstdio>
#include <mutex>

namespace praxis::server::log {
namespace {

std::mutex mu;

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

// NOTE: every control character is escaped, not only '\n': a value holding
// '\r', an escape sequence or a NUL (a user's name, a client's error) must not
// forge log lines or drive the operator's terminal.
void quote_into(std::string& out, const std::string& v) {
  const bool plain = !v.empty() && std::none_of(v.begin(), v.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return is_control(u) || c == ' ' || c == '"' || c == '=' || c == '\\';
  });
  if (plain) {
    out += v;
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (is_control(u)) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
}

void write(std::string_view level, std::string_view event, std::initializer_list<Field> fields) {
  std::string line = "level=";
  line += level;
  line += " event=";
  line += event;
  for (const auto& [k, v] : fields) {
    line += ' ';
    line += k;
    line += '=';
    quote_into(line, v);
  }
  line += '\n';
  std::lock_guard lock(mu);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
}

}  // namespace

void info(std::string_view event, std::initializer_list<Field> fields) {
  write("info", event, fields);
}
void warn(std::string_view event, std::initializer_list<Field> fields) {
  write("warn", event, fields);
}
void error(std::string_view event, std::initializer_list<Field> fields) {
  write("error", event, fields);
}

}  // namespace praxis::server::log
