// Typed access to the fields of a decoded JSON object. Every getter throws
// FieldError naming the field when it is missing, of the wrong type or out of
// range; the decoders (registry.hpp) turn that into a typed error at the boundary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/core/errors.hpp"

namespace praxis::protocol {

// Arrays and objects nested deeper than this are refused (bad_json).
inline constexpr std::size_t kMaxJsonDepth = 32;

// Parses `text` (a WebSocket frame or an HTTP body, named by `what` in the
// message) as one JSON object; throws FieldError with bad_utf8 or bad_json.
nlohmann::json parse_object(std::string_view text, const char* what);

// The shape of a BCP 47 language tag: subtags of 1-8 ASCII letters or digits
// joined by '-', the first of letters only ("en", "zh-Hant-TW", "de-CH-1996").
bool is_language_tag(std::string_view s);

class FieldError : public std::runtime_error {
 public:
  FieldError(ErrorCode code, const std::string& what) : std::runtime_error(what), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

class Fields {
 public:
  explicit Fields(const nlohmann::json& object) : j_(object) {}

  const nlohmann::json& object() const { return j_; }
  bool has(const char* name) const;
  // A positive integer id or seq.
  std::int64_t id(const char* name) const;
  std::optional<std::int64_t> optional_id(const char* name) const;
  // A non-negative integer.
  std::int64_t count(const char* name) const;
  bool boolean(const char* name) const;
  // A string of at most max_bytes bytes.
  std::string text(const char* name, std::size_t max_bytes) const;
  std::string optional_text(const char* name, std::size_t max_bytes) const;
  // A string of min..max Unicode characters without control characters (a
  // name, a title); over max: `over` error code.
  std::string chars(const char* name, std::size_t min, std::size_t max,
                    ErrorCode over = ErrorCode::kBadField) const;
  // Like chars(), but line feeds and tabs are allowed (message text).
  std::string prose(const char* name, std::size_t min, std::size_t max,
                    ErrorCode over = ErrorCode::kBadField) const;
  std::vector<std::int64_t> ids(const char* name, std::size_t max_items) const;
  std::vector<std::string> strings(const char* name, std::size_t max_items,
                                   std::size_t max_bytes) const;

 private:
  const nlohmann::json& at(const char* name) const;
  std::string counted(const char* name, std::size_t min, std::size_t max, ErrorCode over,
                      bool line_breaks) const;
  [[noreturn]] static void fail(const char* name, const std::string& expected);

  const nlohmann::json& j_;
};

}  // namespace praxis::protocol
