#include "server/settings.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "server_fixture.hpp"

namespace praxis::server {
namespace {

// parse_settings over `args`, with the program name in front.
std::variant<Settings, std::string> parse(std::vector<std::string> args) {
  args.insert(args.begin(), "praxisd");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parse_settings(static_cast<int>(argv.size()), argv.data());
}

Settings parsed(const std::vector<std::string>& args) {
  auto r = parse(args);
  if (auto* err = std::get_if<std::string>(&r)) FAIL("unexpected error: " << *err);
  return std::get<Settings>(r);
}

std::string error(const std::vector<std::string>& args) {
  auto r = parse(args);
  if (std::holds_alternative<Settings>(r)) FAIL("expected an error");
  return std::get<std::string>(r);
}

TEST_CASE("settings: defaults") {
  const auto s = parsed({});
  const protocol::Limits limits;
  CHECK(s.listen == "127.0.0.1");
  CHECK(s.port == 8080);
  CHECK(s.data_dir == "data");
  CHECK(s.port_file.empty());
  CHECK(s.public_url.empty());
  CHECK(s.allowed_origins.empty());
  CHECK(s.tls_cert.empty());
  CHECK(s.tls_key.empty());
  CHECK(s.threads == 2);
  CHECK(s.web_root.empty());
  CHECK(s.admin_name == "Admin");
  CHECK(s.kdf_memory_kib == 19456);
  CHECK(s.kdf_iterations == 2);
  CHECK(s.login_failures_before_delay == 5);
  CHECK(s.session_days == 30);
  CHECK(s.limits.max_frame_bytes == limits.max_frame_bytes);
  CHECK(s.limits.messages_burst == limits.messages_burst);
  CHECK(s.limits.max_body_bytes == limits.max_body_bytes);
}

TEST_CASE("settings: flag forms") {
  struct Case {
    std::vector<std::string> args;
    std::string listen;
    std::uint16_t port;
    std::string data_dir;
  };
  const std::vector<Case> cases = {
      {{"--port", "9000"}, "127.0.0.1", 9000, "data"},
      {{"--port=9000"}, "127.0.0.1", 9000, "data"},
      {{"--data-dir", "/srv/p"}, "127.0.0.1", 8080, "/srv/p"},
      {{"--data_dir", "/srv/p"}, "127.0.0.1", 8080, "/srv/p"},
      {{"--data-dir=/srv/p"}, "127.0.0.1", 8080, "/srv/p"},
      {{"--listen", "0.0.0.0", "--port", "0"}, "0.0.0.0", 0, "data"},
      {{"--port", "1", "--port", "2"}, "127.0.0.1", 2, "data"},  // the last one wins
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    const auto s = parsed(c.args);
    CHECK(s.listen == c.listen);
    CHECK(s.port == c.port);
    CHECK(s.data_dir == c.data_dir);
  }
}

TEST_CASE("settings: a value may contain '='") {
  CHECK(parsed({"--public-url=https://x.example/?a=b"}).public_url == "https://x.example/?a=b");
}

TEST_CASE("settings: limits") {
  const auto s = parsed({"--max-frame-bytes", "1000", "--messages_per_second=2.5",
                         "--max-connections-per-address", "3", "--history-page-max=7"});
  CHECK(s.limits.max_frame_bytes == 1000);
  CHECK(s.limits.messages_per_second == 2.5);
  CHECK(s.limits.max_connections_per_address == 3);
  CHECK(s.limits.history_page_max == 7);
}

TEST_CASE("settings: allowed_origins is a comma list") {
  CHECK(parsed({"--allowed-origins", "https://a.example,https://b.example"}).allowed_origins ==
        std::vector<std::string>{"https://a.example", "https://b.example"});
  CHECK(parsed({"--allowed-origins=https://a.example,,"}).allowed_origins ==
        std::vector<std::string>{"https://a.example"});
  CHECK(parsed({"--allowed-origins="}).allowed_origins.empty());
  // A later value replaces the list rather than adding to it.
  CHECK(parsed({"--allowed-origins=https://a.example", "--allowed-origins=https://b.example"})
            .allowed_origins == std::vector<std::string>{"https://b.example"});
}

// Bug: items are not trimmed, so "a, b" yields " b", which never equals an
// Origin header (auth.cpp origin_allowed compares exactly).
TEST_CASE("settings: allowed_origins items are trimmed") {
  CHECK(parsed({"--allowed-origins", "https://a.example, https://b.example"}).allowed_origins ==
        std::vector<std::string>{"https://a.example", "https://b.example"});
}

TEST_CASE("settings: config file") {
  test::TempDir tmp;
  const auto file = test::write_file(tmp, "praxisd.conf",
                                     "# praxisd\n"
                                     "\n"
                                     "   \n"
                                     "port = 9001\n"
                                     "  listen=0.0.0.0   # all interfaces\n"
                                     "data-dir = /var/lib/praxis\r\n"
                                     "max_frame_bytes = 2048\n"
                                     "allowed_origins = https://a.example,https://b.example\n")
                        .string();

  SECTION("values, comments and blank lines") {
    const auto s = parsed({"--config", file});
    CHECK(s.port == 9001);
    CHECK(s.listen == "0.0.0.0");
    CHECK(s.data_dir == "/var/lib/praxis");
    CHECK(s.limits.max_frame_bytes == 2048);
    CHECK(s.allowed_origins == std::vector<std::string>{"https://a.example", "https://b.example"});
    CHECK(parsed({"--config=" + file}).port == 9001);
  }
  SECTION("flags win over the file, before or after --config") {
    CHECK(parsed({"--port", "7000", "--config", file}).port == 7000);
    CHECK(parsed({"--config", file, "--port", "7000"}).port == 7000);
    const auto s = parsed({"--listen=::1", "--config", file, "--max-frame-bytes=999"});
    CHECK(s.listen == "::1");
    CHECK(s.limits.max_frame_bytes == 999);
    CHECK(s.data_dir == "/var/lib/praxis");  // not overridden
  }
  SECTION("errors name the file and line") {
    const auto bad = test::write_file(tmp, "bad.conf", "port = 1\n# ok\nnope = 2\n").string();
    CHECK(error({"--config", bad}) == bad + ":3: unknown setting 'nope'");
    const auto no_eq = test::write_file(tmp, "noeq.conf", "\nport 1\n").string();
    CHECK(error({"--config", no_eq}) == no_eq + ":2: expected name = value");
    const auto bad_value = test::write_file(tmp, "value.conf", "threads = many\n").string();
    CHECK(error({"--config", bad_value}) ==
          bad_value + ":1: bad value 'many' for setting 'threads'");
    const auto missing = (tmp.dir() / "missing.conf").string();
    CHECK(error({"--config", missing}) == "cannot read config file " + missing);
  }
}

TEST_CASE("settings: errors") {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  };
  const std::vector<Case> cases = {
      {{"--nope", "1"}, "unknown setting 'nope'"},
      {{"--nope=1"}, "unknown setting 'nope'"},
      {{"--port", "abc"}, "bad value 'abc' for setting 'port'"},
      {{"--port", "80x"}, "bad value '80x' for setting 'port'"},
      {{"--port", "65536"}, "bad value '65536' for setting 'port'"},
      {{"--port", "-1"}, "bad value '-1' for setting 'port'"},
      {{"--port="}, "bad value '' for setting 'port'"},
      {{"--kdf-memory-kib", "-1"}, "bad value '-1' for setting 'kdf-memory-kib'"},
      {{"--max-frame-bytes", "1k"}, "bad value '1k' for setting 'max-frame-bytes'"},
      {{"--port"}, "setting --port needs a value"},
      {{"--listen", "::", "--port"}, "setting --port needs a value"},
      {{"port=1"}, "unexpected argument 'port=1'"},
      {{"-p", "1"}, "unexpected argument '-p'"},
      {{"--tls-cert", "cert.pem"}, "tls_cert and tls_key go together"},
      {{"--tls-key", "key.pem"}, "tls_cert and tls_key go together"},
      {{"--threads", "0"}, "threads must be at least 1"},
      {{"--threads=-3"}, "threads must be at least 1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    CHECK(error(c.args) == c.error);
  }
}

TEST_CASE("settings: tls_cert with tls_key") {
  const auto s = parsed({"--tls-cert", "cert.pem", "--tls_key=key.pem"});
  CHECK(s.tls_cert == "cert.pem");
  CHECK(s.tls_key == "key.pem");
}

TEST_CASE("settings: help lists every setting") {
  const auto help = settings_help();
  for (const char* name : {"--listen", "--port", "--allowed_origins", "--max_frame_bytes",
                           "--kdf_memory_kib", "--idle_timeout_seconds"}) {
    CAPTURE(name);
    CHECK(help.find(name) != std::string::npos);
  }
}

}  // namespace
}  // namespace praxis::server
