// Private to storage/ (core and features): how lists and enums are stored in
// columns.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/core/error.hpp"

namespace praxis::storage::detail {

// Lists are stored as JSON arrays in TEXT columns.
std::string ids_to_json(const std::vector<std::int64_t>& ids);
std::vector<std::int64_t> ids_from_json(const std::string& json);
std::string strings_to_json(const std::vector<std::string>& v);
std::vector<std::string> strings_from_json(const std::string& json);

std::string lower_ascii(std::string s);

// An enum stored as text: names[i] is the text of value i. Throws Error on text
// this binary does not know (a newer binary's value, or a damaged row).
template <class E, std::size_t N>
E enum_from(const std::array<const char*, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (s == names[i]) return static_cast<E>(i);
  }
  throw Error("unknown value in database: " + std::string(s));
}

template <class E, std::size_t N>
const char* enum_text(const std::array<const char*, N>& names, E v) {
  return names.at(static_cast<std::size_t>(v));
}

}  // namespace praxis::storage::detail
