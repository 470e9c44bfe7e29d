// Private to options.hpp: the numeric Options::add.
#pragma once

#include <charconv>
#include <string>
#include <system_error>
#include <type_traits>

namespace praxis::server {

template <class T>
Option& Options::add(const std::string& name, T& field, std::string help) {
  static_assert(std::is_arithmetic_v<T>, "numbers, strings, lists and flags only");
  Option o;
  o.help_ = std::move(help);
  o.default_ = std::to_string(field);
  if constexpr (std::is_floating_point_v<T>) {
    // Trim "10.000000" to "10".
    while (o.default_.find('.') != std::string::npos && o.default_.back() == '0') {
      o.default_.pop_back();
    }
    if (o.default_.back() == '.') o.default_.pop_back();
  }
  o.set_ = [&field](const std::string& v) {
    T parsed{};
    const char* end = v.data() + v.size();
    auto [ptr, ec] = std::from_chars(v.data(), end, parsed);
    if (ec != std::errc() || ptr != end) return false;
    field = parsed;
    return true;
  };
  o.value_ = [&field] { return static_cast<double>(field); };
  return put(name, std::move(o));
}

}  // namespace praxis::server
