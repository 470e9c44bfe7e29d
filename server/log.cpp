#include "server/log.hpp"

#include <cstdio>
#include <mutex>

namespace praxis::server::log {
namespace {

std::mutex mu;

void quote_into(std::string& out, const std::string& v) {
  const bool plain = !v.empty() && v.find_first_of(" \"=\n\t\\") == std::string::npos;
  if (plain) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
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
