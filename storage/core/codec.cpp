#include "storage/core/codec.hpp"

#include <simdjson.h>

#include <nlohmann/json.hpp>

namespace praxis::storage::detail {
namespace {

template <class T>
std::vector<T> list_from_json(const std::string& json) {
  if (json.empty()) return {};
  try {
    return nlohmann::json::parse(json).get<std::vector<T>>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("bad list in database: ") + e.what());
  }
}

}  // namespace

std::string ids_to_json(const std::vector<std::int64_t>& ids) { return nlohmann::json(ids).dump(); }
std::vector<std::int64_t> ids_from_json(const std::string& json) {
  return list_from_json<std::int64_t>(json);
}
std::string strings_to_json(const std::vector<std::string>& v) {
  return nlohmann::json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
std::vector<std::string> strings_from_json(const std::string& json) {
  return list_from_json<std::string>(json);
}

std::string string_member(std::string_view json, std::string_view key) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end: a reused,
  // padded copy (one per thread) instead of a new allocation per body.
  thread_local simdjson::ondemand::parser parser;
  thread_local std::string buffer;
  buffer.assign(json);
  buffer.resize(json.size() + simdjson::SIMDJSON_PADDING);
  std::string_view value;
  auto doc = parser.iterate(buffer.data(), json.size(), buffer.size());
  if (doc.error() || doc.find_field_unordered(key).get_string().get(value)) {
    throw Error("bad body in database: no string \"" + std::string(key) + "\"");
  }
  return std::string(value);
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace praxis::storage::detail
