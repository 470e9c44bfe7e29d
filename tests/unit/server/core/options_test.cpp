#include "server/core/options.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "../server_fixture.hpp"
#include "server/core/settings.hpp"

namespace praxis::server {
namespace {

// Options::parse over `args`, with the program name in front: "" or the error.
std::string parse(Options& o, std::vector<std::string> args) {
  args.insert(args.begin(), "praxisd");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return o.parse(static_cast<int>(argv.size()), argv.data());
}

// The core's settings after parsing `args` (which must parse).
Settings parsed(const std::vector<std::string>& args) {
  Settings s;
  Options o;
  add_core_options(o, s);
  const auto err = parse(o, args);
  if (!err.empty()) FAIL("unexpected error: " << err);
  return s;
}

std::string error(const std::vector<std::string>& args) {
  Settings s;
  Options o;
  add_core_options(o, s);
  return parse(o, args);
}

TEST_CASE("options: the core's defaults are its fields'") {
  const auto s = parsed({});
  const Settings d;
  CHECK(s.listen == "127.0.0.1");
  CHECK(s.port == 8080);
  CHECK(s.data_dir == "data");
  CHECK(s.port_file.empty());
  CHECK(s.public_url.empty());
  CHECK(s.allowed_origins.empty());
  CHECK(s.trusted_proxies.empty());
  CHECK(s.threads == d.threads);
  CHECK(s.max_frame_bytes == d.max_frame_bytes);
  CHECK(s.max_connections_per_address == d.max_connections_per_address);
  CHECK(s.resume_max_events == d.resume_max_events);
}

TEST_CASE("options: flag forms") {
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
  CHECK(parsed({"--public-url=https://x.example/?a=b"}).public_url == "https://x.example/?a=b");
  CHECK(parsed({"--max-frame-bytes", "1000", "--max_connections_per_address=3"}).max_frame_bytes ==
        1000);
}

TEST_CASE("options: lists are comma-separated, trimmed, and replaced by a later value") {
  using List = std::vector<std::string>;
  CHECK(parsed({"--allowed-origins", "https://a.example,https://b.example"}).allowed_origins ==
        List{"https://a.example", "https://b.example"});
  CHECK(parsed({"--allowed-origins", "https://a.example, https://b.example "}).allowed_origins ==
        List{"https://a.example", "https://b.example"});
  CHECK(parsed({"--allowed-origins=https://a.example,,"}).allowed_origins ==
        List{"https://a.example"});
  CHECK(parsed({"--allowed-origins="}).allowed_origins.empty());
  CHECK(parsed({"--allowed-origins=https://a.example", "--allowed-origins=https://b.example"})
            .allowed_origins == List{"https://b.example"});
  CHECK(parsed({"--trusted-proxies", "10.0.0.1, ::1"}).trusted_proxies == List{"10.0.0.1", "::1"});
}

TEST_CASE("options: config file") {
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
    CHECK(s.max_frame_bytes == 2048);
    CHECK(s.allowed_origins == std::vector<std::string>{"https://a.example", "https://b.example"});
    CHECK(parsed({"--config=" + file}).port == 9001);
  }
  SECTION("flags win over the file, before or after --config") {
    CHECK(parsed({"--port", "7000", "--config", file}).port == 7000);
    CHECK(parsed({"--config", file, "--port", "7000"}).port == 7000);
    const auto s = parsed({"--listen=::1", "--config", file, "--max-frame-bytes=999"});
    CHECK(s.listen == "::1");
    CHECK(s.max_frame_bytes == 999);
    CHECK(s.data_dir == "/var/lib/praxis");  // not overridden
  }
  SECTION("errors name the file and line") {
    const auto bad = test::write_file(tmp, "bad.conf", "port = 1\n# ok\nnope = 2\n").string();
    CHECK(error({"--config", bad}) == bad + ":3: unknown setting 'nope'");
    const auto no_eq = test::write_file(tmp, "noeq.conf", "\nport 1\n").string();
    CHECK(error({"--config", no_eq}) == no_eq + ":2: expected name = value");
    const auto bad_value = test::write_file(tmp, "value.conf", "port = many\n").string();
    CHECK(error({"--config", bad_value}) == bad_value + ":1: bad value 'many' for setting 'port'");
    const auto missing = (tmp.dir() / "missing.conf").string();
    CHECK(error({"--config", missing}) == "cannot read config file " + missing);
  }
}

TEST_CASE("options: errors") {
  struct Case {
    std::vector<std::string> args;
    std::string error;  // how it starts (a setting with a range adds it)
  };
  const std::vector<Case> cases = {
      {{"--nope", "1"}, "unknown setting 'nope'"},
      {{"--nope=1"}, "unknown setting 'nope'"},
      {{"--port", "abc"}, "bad value 'abc' for setting 'port'"},
      {{"--port", "80x"}, "bad value '80x' for setting 'port'"},
      {{"--port", "65536"}, "bad value '65536' for setting 'port'"},
      {{"--port", "-1"}, "bad value '-1' for setting 'port'"},
      {{"--port", "+80"}, "bad value '+80' for setting 'port'"},
      {{"--port", " 80"}, "bad value ' 80' for setting 'port'"},
      {{"--port="}, "bad value '' for setting 'port'"},
      {{"--threads", "1.5"}, "bad value '1.5' for setting 'threads'"},
      {{"--threads", "99999999999"}, "bad value '99999999999' for setting 'threads'"},
      {{"--max-frame-bytes", "1k"}, "bad value '1k' for setting 'max-frame-bytes'"},
      {{"--port"}, "setting --port needs a value"},
      {{"--listen", "::", "--port"}, "setting --port needs a value"},
      {{"port=1"}, "unexpected argument 'port=1'"},
      {{"-p", "1"}, "unexpected argument '-p'"},
      {{"--tls-cert", "cert.pem"}, "tls_cert and tls_key go together"},
      {{"--tls-key", "key.pem"}, "tls_cert and tls_key go together"},
      {{"--max-frame-bytes=65536", "--max-queue-bytes=4096"},
       "max_queue_bytes must be at least max_frame_bytes"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    CHECK(error(c.args).rfind(c.error, 0) == 0);
  }
  const auto s = parsed({"--tls-cert", "cert.pem", "--tls_key=key.pem"});
  CHECK(s.tls_cert == "cert.pem");
  CHECK(s.tls_key == "key.pem");
}

TEST_CASE("options: numbers are range-checked") {
  struct Case {
    std::vector<std::string> args;
    bool ok;
  };
  const std::vector<Case> cases = {
      {{"--threads", "1"}, true},
      {{"--threads", "256"}, true},
      {{"--threads", "0"}, false},
      {{"--threads=-3"}, false},
      {{"--threads", "257"}, false},
      {{"--max-frame-bytes", "256"}, true},
      {{"--max-frame-bytes", "255"}, false},
      {{"--shutdown-grace-seconds", "0"}, true},
      {{"--shutdown-grace-seconds", "-1"}, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    const auto err = error(c.args);
    CHECK(err.empty() == c.ok);
    if (!c.ok) {
      const auto value = c.args.back().substr(c.args.back().find('=') + 1);
      CHECK(err.rfind("bad value '" + value + "' for setting", 0) == 0);
    }
  }
}

// Bug: the range message names the lower bound only, so a value over
// at_most() is refused with "(at least 1.000000)", which it is.
TEST_CASE("options: a value over the maximum is told the maximum") {
  const auto err = error({"--threads", "300"});
  CAPTURE(err);
  CHECK(err.find("at most 256") != std::string::npos);
}

TEST_CASE("options: a feature's own settings") {
  std::string name = "Admin";
  bool open = false;
  double rate = 2.5;
  std::int64_t cap = 10;
  std::vector<std::string> tags = {"a", "b"};
  Options o;
  o.add("admin_name", name, "the first admin's name");
  o.add("open_signup", open, "anyone may sign up");
  o.add("rate", rate, "messages per second").at_least(0).at_most(1000);
  o.add("cap", cap, "most of them").at_least(1);
  o.add("tags", tags, "labels");

  SECTION("defaults stay until given") {
    CHECK(parse(o, {}).empty());
    CHECK(name == "Admin");
    CHECK_FALSE(open);
    CHECK(rate == 2.5);
    CHECK(cap == 10);
    CHECK(tags == std::vector<std::string>{"a", "b"});
  }
  SECTION("values") {
    CHECK(parse(o, {"--admin-name", "Root", "--open_signup=yes", "--rate=0.25", "--cap", "7",
                    "--tags", "x"})
              .empty());
    CHECK(name == "Root");
    CHECK(open);
    CHECK(rate == 0.25);
    CHECK(cap == 7);
    CHECK(tags == std::vector<std::string>{"x"});
  }
  SECTION("flags") {
    struct Case {
      std::string value;
      bool ok, result;
    };
    const std::vector<Case> cases = {
        {"true", true, true},   {"1", true, true},    {"yes", true, true},
        {"false", true, false}, {"0", true, false},   {"no", true, false},
        {"TRUE", false, false}, {"on", false, false}, {"", false, false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.value);
      open = !c.result;
      const auto err = parse(o, {"--open-signup=" + c.value});
      CHECK(err.empty() == c.ok);
      if (c.ok) CHECK(open == c.result);
    }
  }
  SECTION("doubles: ranges, and NaN is refused") {
    struct Case {
      std::string value;
      bool ok;
    };
    const std::vector<Case> cases = {
        {"0", true},       {"1000", true}, {"1e3", true},   {"-0.5", false},
        {"1000.5", false}, {"nan", false}, {"NaN", false},  {"inf", false},
        {"-inf", false},   {"x", false},   {"1.5x", false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.value);
      CHECK(parse(o, {"--rate", c.value}).empty() == c.ok);
    }
  }
}

TEST_CASE("options: a setting is registered once") {
  std::string a, b;
  Options o;
  o.add("data_dir", a, "one");
  CHECK_THROWS_AS(o.add("data_dir", b, "two"), std::logic_error);
  CHECK_THROWS_AS(o.add("data-dir", b, "dashes name the same setting"), std::logic_error);

  Settings s;
  Options core;
  add_core_options(core, s);
  int port = 0;
  CHECK_THROWS_AS(core.add("port", port, "a feature's port"), std::logic_error);
}

TEST_CASE("options: a check() rule's message is the error") {
  int low = 1, high = 2;
  Options o;
  o.add("low", low, "");
  o.add("high", high, "");
  o.check([&] { return low <= high ? std::string() : "low must not be above high"; });
  CHECK(parse(o, {"--low", "2"}).empty());
  CHECK(parse(o, {"--low", "3"}) == "low must not be above high");  // sees the parsed values
  CHECK(parse(o, {"--low", "9", "--nope", "1"}) == "unknown setting 'nope'");  // rules run last
}

TEST_CASE("options: --help only asks for help") {
  for (const char* flag : {"--help", "-h"}) {
    CAPTURE(flag);
    Settings s;
    Options o;
    add_core_options(o, s);
    CHECK_FALSE(o.help_requested());
    CHECK(parse(o, {"--port", "1", flag, "--nope", "x"}).empty());
    CHECK(o.help_requested());
    CHECK(s.port == Settings().port);  // nothing applied
  }
}

TEST_CASE("options: help() lists each setting with its default and meaning") {
  std::string name = "Admin", none;
  int days = 30;
  double rate = 10, share = 0.25;
  bool open = false;
  std::vector<std::string> tags = {"a", "b"};
  Options o;
  o.add("admin_name", name, "the first admin's name");
  o.add("certificate", none, "a PEM file");
  o.add("session_days", days, "days a login lasts").at_least(1);
  o.add("rate", rate, "messages per second");
  o.add("share", share, "a fraction");
  o.add("open_signup", open, "anyone may sign up");
  o.add("tags", tags, "labels");
  const auto help = o.help();
  for (const char* entry : {
           "  --admin-name (default: Admin)\n      the first admin's name\n",
           "  --certificate (default: none)\n      a PEM file\n",
           "  --session-days (default: 30)\n      days a login lasts\n",
           "  --rate (default: 10)\n      messages per second\n",
           "  --share (default: 0.25)\n      a fraction\n",
           "  --open-signup (default: false)\n      anyone may sign up\n",
           "  --tags (default: a,b)\n      labels\n",
       }) {
    CAPTURE(entry);
    CHECK(help.find(entry) != std::string::npos);
  }
  CHECK(help.find("--config FILE") != std::string::npos);

  const Settings d;
  Settings s;
  Options core;
  add_core_options(core, s);
  const auto core_help = core.help();
  for (const auto& entry : {
           "  --port (default: " + std::to_string(d.port) + ")\n",
           "  --listen (default: " + d.listen + ")\n",
           "  --data-dir (default: " + d.data_dir + ")\n",
           std::string("  --public-url (default: none)\n"),
           "  --max-frame-bytes (default: " + std::to_string(d.max_frame_bytes) + ")\n",
           "  --max-http-connections-per-address (default: " +
               std::to_string(d.max_http_connections_per_address) + ")\n",
       }) {
    CAPTURE(entry);
    CHECK(core_help.find(entry) != std::string::npos);
  }
}

}  // namespace
}  // namespace praxis::server
