// Reading a process's CPU time and memory from /proc (Linux only).
#pragma once

#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

namespace praxis::bench {

// utime + stime of `pid` ("self" for this process), in seconds; -1 if unreadable.
inline double cpu_seconds(const std::string& pid) {
  std::ifstream f("/proc/" + pid + "/stat");
  std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const auto close = all.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream in(all.substr(close + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  // After the command: state is field 3; utime and stime are fields 14 and 15.
  for (int i = 3; i <= 15 && in >> field; ++i) {
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// A "VmRSS" / "VmHWM" line of /proc/<pid>/status, in KiB; -1 if unreadable.
inline std::int64_t status_kib(const std::string& pid, const std::string& key) {
  std::ifstream f("/proc/" + pid + "/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.compare(0, key.size() + 1, key + ":") == 0)
      return std::stoll(line.substr(key.size() + 1));
  }
  return -1;
}

}  // namespace praxis::bench
