// UTF-8 validation and code-point counting (no allocation).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace praxis::protocol {

// Number of code points if `s` is well-formed UTF-8 (no overlongs, no
// surrogates, nothing above U+10FFFF); nullopt otherwise.
std::optional<std::size_t> utf8_length(std::string_view s);

inline bool valid_utf8(std::string_view s) { return utf8_length(s).has_value(); }

// True if well-formed UTF-8 `s` holds a control character: C0 (U+0000-U+001F),
// DEL (U+007F) or C1 (U+0080-U+009F). With allow_line_breaks, '\n' and '\t'
// are allowed (message text); names and titles allow none.
bool has_controls(std::string_view s, bool allow_line_breaks);

// The code points of well-formed UTF-8 `s` (check it first: utf8_length).
std::vector<char32_t> code_points(std::string_view s);

// Unicode white space (Zs, and the line and paragraph separators) beyond ASCII.
bool is_unicode_space(char32_t c);
// Bidirectional embedding, override and isolate controls (U+202A-U+202E,
// U+2066-U+2069): in a name they make one string look like another.
bool has_bidi_controls(std::string_view s);

// Code points that show nothing on their own: format characters (zero-width
// joiners and spaces, direction marks), variation selectors, fillers, tags.
bool is_invisible(char32_t c);

}  // namespace praxis::protocol
