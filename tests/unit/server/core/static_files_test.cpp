#include "server/core/static_files.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "../server_fixture.hpp"

namespace praxis::server {
namespace {

using test::header;

void check_page_headers(const HttpResponse& res) {
  const auto csp = header(res, "Content-Security-Policy");
  REQUIRE(csp);
  for (const char* directive :
       {"default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
        "frame-ancestors 'none'", "form-action 'self'"}) {
    CAPTURE(directive);
    CHECK(csp->find(directive) != std::string::npos);
  }
  CHECK(header(res, "X-Content-Type-Options") == "nosniff");
  CHECK(header(res, "Referrer-Policy") == "no-referrer");
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
  const std::string index = "<!doctype html><title>client</title>";
  test::write_file(tmp, "web/index.html", index);
  test::write_file(tmp, "web/assets/app-1a2b.js", "console.log(1)");
  test::write_file(tmp, "web/assets/app-1a2b.css", "body{}");
  test::write_file(tmp, "web/assets/logo.svg", "<svg/>");
  test::write_file(tmp, "web/assets/font.woff2", "WOFF");
  test::write_file(tmp, "web/favicon.ico", "ICO");
  test::write_file(tmp, "web/manifest.json", "{}");
  test::write_file(tmp, "web/robots.txt", "User-agent: *");
  test::write_file(tmp, "web/data.bin", "BIN");
  test::write_file(tmp, "secret", "outside the root");
  test::write_file(tmp, "etc/passwd", "root:x:0:0");
  test::write_file(tmp, "web2/secret", "in a sibling whose name starts like the root");
  std::filesystem::create_symlink(tmp.dir() / "secret", root / "link");

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
  SECTION("files: their type; assets are immutable, the rest not cached") {
    struct Case {
      std::string path, body, type;
      bool immutable;
    };
    const std::vector<Case> cases = {
        {"/assets/app-1a2b.js", "console.log(1)", "text/javascript; charset=utf-8", true},
        {"/assets/app-1a2b.css", "body{}", "text/css; charset=utf-8", true},
        {"/assets/logo.svg", "<svg/>", "image/svg+xml", true},
        {"/assets/font.woff2", "WOFF", "font/woff2", true},
        {"/favicon.ico", "ICO", "image/x-icon", false},
        {"/manifest.json", "{}", "application/json", false},
        {"/robots.txt", "User-agent: *", "text/plain; charset=utf-8", false},
        {"/data.bin", "BIN", "application/octet-stream", false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.path);
      const auto res = serve_static(root.string(), c.path);
      CHECK(res.status == 200);
      CHECK(res.body == c.body);
      CHECK(res.content_type == c.type);
      CHECK(header(res, "Cache-Control") ==
            (c.immutable ? "public, max-age=31536000, immutable" : "no-cache"));
      check_page_headers(res);
    }
  }
  SECTION("client routes fall back to index.html") {
    for (const char* path : {"/rooms/12", "/rooms/12/threads/3", "/setup", "/assets", ""}) {
      CAPTURE(path);
      const auto res = serve_static(root.string(), path);
      CHECK(res.status == 200);
      CHECK(res.body == index);
      CHECK(header(res, "Cache-Control") == "no-cache");
      check_page_headers(res);
    }
  }
  SECTION("a missing file is 404, not the page (and not cached for a year)") {
    std::filesystem::remove(root / "favicon.ico");
    for (const char* path : {"/assets/x.js", "/assets/", "/assets/sub/route", "/favicon.ico",
                             "/apple-touch-icon.png", "/rooms/12/photo.jpg"}) {
      CAPTURE(path);
      const auto res = serve_static(root.string(), path);
      CHECK(res.status == 404);
      CHECK(res.content_type == "text/plain; charset=utf-8");
      CHECK(res.body != index);
      CHECK(header(res, "Cache-Control") != "public, max-age=31536000, immutable");
    }
  }
  SECTION("nothing outside the root is served") {
    for (const char* path :
         {"/../etc/passwd", "/../secret", "/assets/../../secret", "/a/b/../../../secret",
          "//etc/passwd", "/./../web/../secret", "/%2e%2e/secret", "/../web2/secret", "/link",
          "/../secret.txt", "/index.html/../../secret"}) {
      CAPTURE(path);
      const auto res = serve_static(root.string(), path);
      CHECK((res.status == 404 || res.body == index));
      CHECK(res.body.find("outside the root") == std::string::npos);
      CHECK(res.body.find("root:x") == std::string::npos);
      CHECK(res.body.find("sibling") == std::string::npos);
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
    CHECK(serve_static(root.string(), "/assets/x.js").status == 404);
  }
}

// Bug: a path the file system finds too long (a segment over 255 bytes, or
// more than PATH_MAX in all) makes std::filesystem throw (ENAMETOOLONG) out of
// serve_static: any anonymous client gets a 500 and writes an error line to
// the log, instead of the page (a client route) or a 404 (a missing file).
TEST_CASE("static files: an over-long path is a missing file") {
  test::TempDir tmp;
  const auto root = tmp.dir() / "web";
  test::write_file(tmp, "web/index.html", "<!doctype html>");
  test::write_file(tmp, "web/assets/app.js", "");
  struct Case {
    std::string path;
    unsigned status;
  };
  const std::vector<Case> cases = {
      {"/" + std::string(300, 'a'), 200},
      {"/rooms/" + std::string(5000, 'b'), 200},
      {"/assets/" + std::string(300, 'c') + ".js", 404},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path.size());
    HttpResponse res;
    res.status = 0;
    CHECK_NOTHROW(res = serve_static(root.string(), c.path));
    CHECK(res.status == c.status);
  }
}

}  // namespace
}  // namespace praxis::server

namespace praxis::server {
namespace {

TEST_CASE("static files: accepts_encoding") {
  const struct {
    const char* header;
    const char* coding;
    bool accepted;
  } cases[] = {{"gzip, deflate, br", "br", true},
               {"gzip, deflate, br", "gzip", true},
               {"GZIP", "gzip", true},
               {" br ; q=0.5 ", "br", true},
               {"br;q=0, gzip", "br", false},
               {"br;q=0.000", "br", false},
               {"br;q=0, gzip", "gzip", true},
               {"*", "br", true},
               {"*, br;q=0", "br", false},
               {"", "gzip", false},
               {"identity", "gzip", false},
               {"gzipx, xbr", "br", false}};
  for (const auto& c : cases) {
    CAPTURE(c.header, c.coding);
    CHECK(accepts_encoding(c.header, c.coding) == c.accepted);
  }
}

TEST_CASE("static files: precompressed variants by Accept-Encoding") {
  test::TempDir tmp;
  const auto root = (tmp.dir() / "web").string();
  const std::pair<const char*, const char*> files[] = {
      {"web/index.html", "<!doctype html>"},        {"web/index.html.gz", "GZ-INDEX"},
      {"web/assets/app-1a2b.js", "console.log(1)"}, {"web/assets/app-1a2b.js.br", "BR-APP"},
      {"web/assets/app-1a2b.js.gz", "GZ-APP"},      {"web/assets/plain-3c4d.css", "body{}"}};
  for (const auto& [name, body] : files) test::write_file(tmp, name, body);

  SECTION("the best variant allowed, with its encoding, type and caching") {
    const struct {
      const char* accept;
      const char* body;
      const char* encoding;  // "" : none
    } cases[] = {{"gzip, deflate, br", "BR-APP", "br"},
                 {"gzip", "GZ-APP", "gzip"},
                 {"br;q=0, gzip", "GZ-APP", "gzip"},
                 {"", "console.log(1)", ""},
                 {"identity", "console.log(1)", ""}};
    for (const auto& c : cases) {
      CAPTURE(c.accept);
      const auto res = serve_static(root, "/assets/app-1a2b.js", c.accept);
      CHECK(res.status == 200);
      CHECK(res.body == c.body);
      CHECK(res.content_type == "text/javascript; charset=utf-8");
      CHECK(header(res, "Content-Encoding").value_or("") == c.encoding);
      CHECK(header(res, "Vary") == "Accept-Encoding");
      CHECK(header(res, "Cache-Control") == "public, max-age=31536000, immutable");
      check_page_headers(res);
    }
  }
  SECTION("index.html and client routes too; a file without variants has no Vary") {
    for (const char* path : {"/", "/rooms/7"}) {
      CAPTURE(path);
      const auto res = serve_static(root, path, "br, gzip");
      CHECK(res.body == "GZ-INDEX");
      CHECK(header(res, "Content-Encoding") == "gzip");
      CHECK(res.content_type == "text/html; charset=utf-8");
      CHECK(header(res, "Cache-Control") == "no-cache");
    }
    const auto css = serve_static(root, "/assets/plain-3c4d.css", "br, gzip");
    CHECK(css.body == "body{}");
    CHECK_FALSE(header(css, "Content-Encoding"));
    CHECK_FALSE(header(css, "Vary"));
  }
}

}  // namespace
}  // namespace praxis::server
