#include "protocol/core/fields.hpp"

#include <algorithm>

#include "protocol/core/utf8.hpp"

namespace praxis::protocol {
namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

// The deepest nesting of arrays and objects in JSON text (strings skipped).
std::size_t nesting(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

nlohmann::json parse_object(std::string_view text, const char* what) {
  if (!valid_utf8(text)) {
    throw FieldError(ErrorCode::kBadUtf8, std::string(what) + " is not valid UTF-8");
  }
  // nlohmann parses any depth but copies, compares and destroys recursively:
  // a 64 KiB body of 30,000 nested arrays would overflow the stack.
  if (nesting(text) > kMaxJsonDepth) {
    throw FieldError(ErrorCode::kBadJson, std::string(what) + " nests deeper than " +
                                              std::to_string(kMaxJsonDepth) + " levels");
  }
  // nlohmann's parser takes a NUL byte for the end of input and ignores the rest;
  // JSON text never holds a raw NUL.
  auto j = text.find('\0') == std::string_view::npos
               ? nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false)
               : nlohmann::json(nlohmann::json::value_t::discarded);
  if (j.is_discarded() || !j.is_object()) {
    throw FieldError(ErrorCode::kBadJson, std::string(what) + " is not a JSON object");
  }
  return j;
}

bool is_language_tag(std::string_view s) {
  bool first = true;
  while (true) {
    const auto end = std::min(s.find('-'), s.size());
    const auto subtag = s.substr(0, end);
    if (subtag.empty() || subtag.size() > 8) return false;
    for (char c : subtag) {
      if (!(first ? is_ascii_alpha(c) : is_ascii_alnum(c))) return false;
    }
    if (end == s.size()) return true;
    s.remove_prefix(end + 1);
    first = false;
  }
}

void Fields::fail(const char* name, const std::string& expected) {
  throw FieldError(ErrorCode::kBadField, std::string("field '") + name + "': expected " + expected);
}

bool Fields::has(const char* name) const {
  auto it = j_.find(name);
  return it != j_.end() && !it->is_null();
}

const nlohmann::json& Fields::at(const char* name) const {
  auto it = j_.find(name);
  if (it == j_.end() || it->is_null()) fail(name, "a value (missing)");
  return *it;
}

std::int64_t Fields::id(const char* name) const {
  const auto& v = at(name);
  if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) fail(name, "a positive integer");
  return v.get<std::int64_t>();
}

std::optional<std::int64_t> Fields::optional_id(const char* name) const {
  if (!has(name)) return std::nullopt;
  return id(name);
}

std::int64_t Fields::count(const char* name) const {
  const auto& v = at(name);
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0) fail(name, "an integer >= 0");
  return v.get<std::int64_t>();
}

bool Fields::boolean(const char* name) const {
  const auto& v = at(name);
  if (!v.is_boolean()) fail(name, "true or false");
  return v.get<bool>();
}

std::string Fields::text(const char* name, std::size_t max_bytes) const {
  const auto& v = at(name);
  if (!v.is_string()) fail(name, "a string");
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() > max_bytes) fail(name, "at most " + std::to_string(max_bytes) + " bytes");
  return s;
}

std::string Fields::optional_text(const char* name, std::size_t max_bytes) const {
  return has(name) ? text(name, max_bytes) : std::string();
}

std::string Fields::chars(const char* name, std::size_t min, std::size_t max,
                          ErrorCode over) const {
  return counted(name, min, max, over, false);
}

std::string Fields::prose(const char* name, std::size_t min, std::size_t max,
                          ErrorCode over) const {
  return counted(name, min, max, over, true);
}

std::string Fields::counted(const char* name, std::size_t min, std::size_t max, ErrorCode over,
                            bool line_breaks) const {
  const auto& v = at(name);
  if (!v.is_string()) fail(name, "a string");
  const auto& s = v.get_ref<const std::string&>();
  const auto n = utf8_length(s);
  if (!n) throw FieldError(ErrorCode::kBadUtf8, std::string("field '") + name + "': bad UTF-8");
  if (*n > max) {
    if (over != ErrorCode::kBadField) {
      throw FieldError(over, std::string("field '") + name + "': longer than " +
                                 std::to_string(max) + " characters");
    }
    fail(name, "at most " + std::to_string(max) + " characters");
  }
  if (*n < min) fail(name, "at least " + std::to_string(min) + " characters");
  if (has_controls(s, line_breaks)) fail(name, "no control characters");
  // Names and titles are who and what people trust: no direction overrides.
  if (!line_breaks && has_bidi_controls(s)) fail(name, "no text-direction controls");
  return s;
}

std::vector<std::int64_t> Fields::ids(const char* name, std::size_t max_items) const {
  std::vector<std::int64_t> out;
  if (!has(name)) return out;
  const auto& v = at(name);
  if (!v.is_array() || v.size() > max_items) {
    fail(name, "an array of at most " + std::to_string(max_items) + " ids");
  }
  for (const auto& e : v) {
    if (!e.is_number_integer() || e.get<std::int64_t>() <= 0) fail(name, "positive integer ids");
    out.push_back(e.get<std::int64_t>());
  }
  return out;
}

std::vector<std::string> Fields::strings(const char* name, std::size_t max_items,
                                         std::size_t max_bytes) const {
  std::vector<std::string> out;
  if (!has(name)) return out;
  const auto& v = at(name);
  if (!v.is_array() || v.size() > max_items) {
    fail(name, "an array of at most " + std::to_string(max_items) + " strings");
  }
  for (const auto& e : v) {
    if (!e.is_string() || e.get_ref<const std::string&>().size() > max_bytes) {
      fail(name, "strings of at most " + std::to_string(max_bytes) + " bytes");
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace praxis::protocol
