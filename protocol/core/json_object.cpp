#include "protocol/core/json_object.hpp"

#include "protocol/core/envelope.hpp"
#include "protocol/core/utf8.hpp"

namespace praxis::protocol {

void append_json_string(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  // Ill-formed input is rare (text is validated on the way in): let nlohmann
  // replace its bad bytes exactly as dump() does.
  if (!valid_utf8(s)) {
    out += dump(Json(std::string(s)));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied: copied in runs, not one by one
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

void JsonObject::key(std::string_view k) {
  if (out_.size() > 1) out_ += ',';
  append_json_string(out_, k);
  out_ += ':';
}

JsonObject& JsonObject::add(std::string_view k, std::string_view value) {
  key(k);
  append_json_string(out_, value);
  return *this;
}

JsonObject& JsonObject::add(std::string_view k, std::int64_t value) {
  key(k);
  out_ += std::to_string(value);
  return *this;
}

JsonObject& JsonObject::add(std::string_view k, bool value) {
  key(k);
  out_ += value ? "true" : "false";
  return *this;
}

JsonObject& JsonObject::add(std::string_view k, std::optional<std::int64_t> value) {
  if (!value) {
    key(k);
    out_ += "null";
    return *this;
  }
  return add(k, *value);
}

JsonObject& JsonObject::add(std::string_view k, const std::vector<std::int64_t>& values) {
  key(k);
  out_ += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out_ += ',';
    out_ += std::to_string(values[i]);
  }
  out_ += ']';
  return *this;
}

std::string JsonObject::finish() {
  out_ += '}';
  return std::move(out_);
}

}  // namespace praxis::protocol
