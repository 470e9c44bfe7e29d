#include "server/core/log.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../../temp_dir.hpp"

// POSIX: the capture points file descriptor 1 elsewhere.
#include <fcntl.h>
#include <unistd.h>

namespace praxis::server {
namespace {

// Points file descriptor 1 at a temporary file for as long as it lives (the
// log writes and flushes stdout); text() stops capturing and returns it all.
class CapturedStdout {
 public:
  CapturedStdout() {
    std::fflush(stdout);
    saved_ = ::dup(STDOUT_FILENO);
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(saved_ >= 0);
    REQUIRE(fd >= 0);
    ::dup2(fd, STDOUT_FILENO);
    ::close(fd);
  }
  ~CapturedStdout() { restore(); }

  std::string text() {
    restore();
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stdout);
    ::dup2(saved_, STDOUT_FILENO);
    ::close(saved_);
    saved_ = -1;
  }

  praxis::test::TempDir tmp_;
  std::string path_ = tmp_.file("stdout.txt");
  int saved_ = -1;
};

TEST_CASE("log: one logfmt line per event, with its level") {
  CapturedStdout out;
  log::info("ws_open", {{"conn", "12"}, {"user", "3"}});
  log::warn("slow_consumer");
  log::error("task_failed", {{"what", "boom"}});
  CHECK(out.text() ==
        "level=info event=ws_open conn=12 user=3\n"
        "level=warn event=slow_consumer\n"
        "level=error event=task_failed what=boom\n");
}

TEST_CASE("log: values are quoted and escaped so that no value can forge a line") {
  struct Case {
    std::string value;
    std::string logged;
  };
  const std::vector<Case> cases = {
      {"plain", "plain"},
      {"", R"("")"},
      {"a b", R"("a b")"},
      {"a=b", R"("a=b")"},
      {R"(say "hi")", R"("say \"hi\"")"},
      {R"(back\slash)", R"("back\\slash")"},
      {"line\nlevel=error event=forged", R"("line\nlevel=error event=forged")"},
      {"carriage\rreturn", R"("carriage\rreturn")"},
      {"tab\there", R"("tab\there")"},
      {"\x1b[31mred", R"("\x1b[31mred")"},
      {std::string("nul\0byte", 8), R"("nul\x00byte")"},
      {"bell\x07", R"("bell\x07")"},
      {"del\x7f", R"("del\x7f")"},
      {"\x1f", R"("\x1f")"},
      {"Zoë ☃", R"("Zoë ☃")"},  // UTF-8 passes through; the space quotes it
      {"Zoë", "Zoë"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.value);
    CapturedStdout out;
    log::info("e", {{"k", c.value}});
    const auto text = out.text();
    CHECK(text == "level=info event=e k=" + c.logged + "\n");
  }
}

}  // namespace
}  // namespace praxis::server
