// UTF-8 validation and code-point counting (no allocation).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace praxis::protocol {

// Number of code points if `s` is well-formed UTF-8 (no overlongs, no
// surrogates, nothing above U+10FFFF); nullopt otherwise.
std::optional<std::size_t> utf8_length(std::string_view s);

inline bool valid_utf8(std::string_view s) { return utf8_length(s).has_value(); }

}  // namespace praxis::protocol
