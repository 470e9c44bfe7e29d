// The error-code catalogue: names, HTTP statuses, and agreement with the table
// in PROTOCOL.md section 4.
#include "protocol/core/errors.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

namespace praxis::protocol {
namespace {

struct Entry {
  ErrorCode code;
  const char* name;
  int status;  // on the HTTP API
};

// Every ErrorCode, in declaration order.
constexpr Entry kCatalogue[] = {
    {ErrorCode::kBadJson, "bad_json", 400},
    {ErrorCode::kBadUtf8, "bad_utf8", 400},
    {ErrorCode::kUnknownType, "unknown_type", 400},
    {ErrorCode::kBadField, "bad_field", 400},
    {ErrorCode::kHelloRequired, "hello_required", 400},
    {ErrorCode::kVersionMismatch, "version_mismatch", 400},
    {ErrorCode::kUnauthenticated, "unauthenticated", 401},
    {ErrorCode::kBadCredentials, "bad_credentials", 401},
    {ErrorCode::kForbidden, "forbidden", 403},
    {ErrorCode::kNotFound, "not_found", 404},
    {ErrorCode::kConflict, "conflict", 409},
    {ErrorCode::kTextTooLong, "text_too_long", 400},
    {ErrorCode::kRateLimited, "rate_limited", 429},
    {ErrorCode::kTooManyRooms, "too_many_rooms", 400},
    {ErrorCode::kLimitReached, "limit_reached", 409},
    {ErrorCode::kTooLarge, "too_large", 413},
    {ErrorCode::kUnavailable, "unavailable", 503},
    {ErrorCode::kInternal, "internal", 500},
};

// The codes in the first column of PROTOCOL.md's "## <n>. Error codes" table.
std::set<std::string> documented_codes() {
  const std::filesystem::path path =
      std::filesystem::path(PRAXIS_SOURCE_DIR) / "protocol/PROTOCOL.md";
  std::ifstream in(path);
  INFO("reading " << path);
  REQUIRE(in);
  const std::regex heading("## [0-9]+\\. Error codes");
  std::set<std::string> codes;
  bool in_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) in_section = std::regex_match(line, heading);
    if (!in_section || line.rfind("| `", 0) != 0) continue;
    const auto end = line.find('`', 3);
    REQUIRE(end != std::string::npos);
    codes.insert(line.substr(3, end - 3));
  }
  return codes;
}

TEST_CASE("errors: every code has its catalogue name and HTTP status", "[errors]") {
  std::set<std::string> names;
  for (const auto& e : kCatalogue) {
    CAPTURE(e.name);
    CHECK(to_string(e.code) == e.name);
    CHECK(http_status(e.code) == e.status);
    names.insert(std::string(to_string(e.code)));
  }
  // Unique, and every enumerator is listed (they are consecutive from 0).
  CHECK(names.size() == std::size(kCatalogue));
  for (std::size_t i = 0; i < std::size(kCatalogue); ++i) {
    CHECK(static_cast<std::size_t>(kCatalogue[i].code) == i);
  }
  // Past the last enumerator to_string falls back: a new code added at the end
  // but missing here would have its own name.
  CHECK(to_string(static_cast<ErrorCode>(std::size(kCatalogue))) == "internal");
}

TEST_CASE("errors: the catalogue is the one PROTOCOL.md documents", "[errors]") {
  std::set<std::string> names;
  for (const auto& e : kCatalogue) names.insert(std::string(to_string(e.code)));
  const auto documented = documented_codes();
  REQUIRE(!documented.empty());  // the section is still where this test looks
  CHECK(documented == names);
}

TEST_CASE("errors: an Error defaults to internal", "[errors]") {
  const Error e;
  CHECK(e.code == ErrorCode::kInternal);
  CHECK(e.message.empty());
  CHECK(e == Error{ErrorCode::kInternal, ""});
  CHECK_FALSE(e == Error{ErrorCode::kInternal, "x"});
  CHECK_FALSE(e == Error{ErrorCode::kUnavailable, ""});
}

TEST_CASE("errors: unavailable is answered with HTTP 503, and no other code is", "[errors]") {
  CHECK(to_string(ErrorCode::kUnavailable) == "unavailable");
  CHECK(http_status(ErrorCode::kUnavailable) == 503);
  // Not folded into internal (500): "try again later", not "the server failed".
  CHECK(http_status(ErrorCode::kInternal) == 500);
  for (const auto& e : kCatalogue) {
    CAPTURE(e.name);
    if (e.code != ErrorCode::kUnavailable) CHECK(http_status(e.code) != 503);
  }
}

}  // namespace
}  // namespace praxis::protocol
