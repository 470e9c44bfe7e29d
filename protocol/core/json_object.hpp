// A JSON object written straight into a string, for the bodies the writer
// thread encodes for every event (stream log). The same bytes as dump() of the
// equivalent Json (protocol/core/envelope.hpp) when keys are added in sorted
// order, as nlohmann's object sorts them: compact, non-ASCII kept as UTF-8,
// control characters escaped, an ill-formed byte sequence replaced. Building
// the DOM first cost a sixth of a post's time on the writer thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace praxis::protocol {

class JsonObject {
 public:
  JsonObject() { out_.reserve(256); }  // an event body's usual size: one allocation
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  JsonObject& add(std::string_view key, std::int64_t value);
  JsonObject& add(std::string_view key, bool value);
  JsonObject& add(std::string_view key, std::optional<std::int64_t> value);  // null if empty
  JsonObject& add(std::string_view key, const std::vector<std::int64_t>& values);
  // The object's text; the JsonObject is spent.
  std::string finish();

 private:
  void key(std::string_view k);
  std::string out_ = "{";
};

// Appends `s` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view s);

}  // namespace praxis::protocol
