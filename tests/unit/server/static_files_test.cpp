#include "server/static_files.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "server_fixture.hpp"

namespace praxis::server {
namespace {

using test::header;

void check_page_headers(const HttpResponse& res) {
  const auto csp = header(res, "Content-Security-Policy");
  REQUIRE(csp);
  CHECK(csp->find("default-src 'self'") != std::string::npos);
  CHECK(csp->find("frame-ancestors 'none'") != std::string::npos);
  CHECK(header(res, "X-Content-Type-Options") == "nosniff");
}

TEST_CASE("static files: placeholder without a web root") {
  for (const char* path : {"/", "/index.html", "/setup", "/../etc/passwd"}) {
    CAPTURE(path);
    const auto res = serve_static("", path);
    CHECK(res.status == 200);
    CHECK(res.content_type == "text/html; charset=utf-8");
    CHECK(res.body.find("Praxis is running") != std::string::npos);
    CHECK(header(res, "Cache-Control") == "no-cache");
    check_page_headers(res);
  }
}

TEST_CASE("static files: a web root") {
  test::TempDir tmp;
  const auto root = tmp.dir() / "web";
  test::write_file(tmp, "web/index.html", "<!doctype html><title>client</title>");
  test::write_file(tmp, "web/assets/app-1a2b.js", "console.log(1)");
  test::write_file(tmp, "web/assets/app-1a2b.css", "body{}");
  test::write_file(tmp, "web/favicon.ico", "ICO");
  test::write_file(tmp, "secret", "outside the root");
  test::write_file(tmp, "etc/passwd", "root:x:0:0");
  test::write_file(tmp, "web2/secret", "in a sibling whose name starts like the root");
  std::filesystem::create_symlink(tmp.dir() / "secret", root / "link");
  const std::string index = "<!doctype html><title>client</title>";

  SECTION("index.html is never cached") {
    for (const char* path : {"/", "/index.html"}) {
      CAPTURE(path);
      const auto res = serve_static(root.string(), path);
      CHECK(res.status == 200);
      CHECK(res.body == index);
      CHECK(res.content_type == "text/html; charset=utf-8");
      CHECK(header(res, "Cache-Control") == "no-cache");
      check_page_headers(res);
    }
  }
  SECTION("assets are immutable") {
    struct Case {
      std::string path, body, type;
    };
    const std::vector<Case> cases = {
        {"/assets/app-1a2b.js", "console.log(1)", "text/javascript; charset=utf-8"},
        {"/assets/app-1a2b.css", "body{}", "text/css; charset=utf-8"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.path);
      const auto res = serve_static(root.string(), c.path);
      CHECK(res.body == c.body);
      CHECK(res.content_type == c.type);
      CHECK(header(res, "Cache-Control") == "public, max-age=31536000, immutable");
      check_page_headers(res);
    }
  }
  SECTION("other files are served but not cached") {
    const auto res = serve_static(root.string(), "/favicon.ico");
    CHECK(res.body == "ICO");
    CHECK(res.content_type == "image/x-icon");
    CHECK(header(res, "Cache-Control") == "no-cache");
  }
  SECTION("unknown paths and escapes fall back to index.html") {
    for (const char* path :
         {"/rooms/42", "/assets/missing.js", "/assets", "/../etc/passwd", "/../secret",
          "/assets/../../secret", "/a/b/../../../secret", "//etc/passwd", "/./../web/../secret",
          "/%2e%2e/secret", "/../web2/secret", "/link", ""}) {
      CAPTURE(path);
      const auto res = serve_static(root.string(), path);
      CHECK(res.status == 200);
      CHECK(res.body == index);
      CHECK(header(res, "Cache-Control") == "no-cache");
    }
  }
  SECTION("a trailing slash on the root") {
    CHECK(serve_static(root.string() + "/", "/assets/app-1a2b.js").body == "console.log(1)");
  }
  SECTION("without index.html the placeholder") {
    std::filesystem::remove(root / "index.html");
    const auto res = serve_static(root.string(), "/rooms/42");
    CHECK(res.body.find("Praxis is running") != std::string::npos);
    CHECK(serve_static(root.string(), "/../secret").body != "outside the root");
  }
}

}  // namespace
}  // namespace praxis::server
