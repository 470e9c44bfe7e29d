#include "storage/core/codec.hpp"

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

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace praxis::storage::detail
