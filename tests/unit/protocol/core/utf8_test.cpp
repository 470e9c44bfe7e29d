// utf8_length(): well-formed UTF-8 per RFC 3629 / Unicode 3.9, counted in code
// points; has_controls(): the C0, DEL and C1 control characters.
#include "protocol/core/utf8.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace praxis::protocol {
namespace {

using namespace std::string_view_literals;

TEST_CASE("utf8_length: code points of well-formed text, nullopt otherwise", "[utf8]") {
  struct Row {
    std::string_view input;
    std::optional<std::size_t> length;  // nullopt: malformed
  };
  const Row rows[] = {
      // Well-formed: one code point per sequence, whatever its length.
      {"", 0},
      {"a", 1},
      {"hello", 5},
      {"\0"sv, 1},
      {"a\0b"sv, 3},
      {"\x7f", 1},
      {"\xc2\x80", 1},                          // U+0080, smallest 2-byte
      {"\xc3\xa9", 1},                          // é
      {"caf\xc3\xa9", 4},                       // café
      {"\xdf\xbf", 1},                          // U+07FF, largest 2-byte
      {"\xe0\xa0\x80", 1},                      // U+0800, smallest 3-byte
      {"\xe2\x82\xac", 1},                      // €
      {"\xed\x9f\xbf", 1},                      // U+D7FF, just below the surrogates
      {"\xee\x80\x80", 1},                      // U+E000, just above them
      {"\xef\xbb\xbf", 1},                      // U+FEFF (BOM) is a character
      {"\xef\xbf\xbd", 1},                      // U+FFFD
      {"\xef\xbf\xbf", 1},                      // U+FFFF, a noncharacter but well-formed
      {"\xf0\x90\x80\x80", 1},                  // U+10000, smallest 4-byte
      {"\xf0\x9f\x91\x8d", 1},                  // 👍
      {"\xf4\x8f\xbf\xbf", 1},                  // U+10FFFF, the last code point
      {"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 2},  // 👍🏽: two code points
      {"a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z", 5},

      // Stray and impossible bytes.
      {"\x80", std::nullopt},  // continuation without a lead
      {"\xbf", std::nullopt},
      {"a\x80", std::nullopt},
      {"\xc3\xa9\xa9", std::nullopt},              // one continuation too many
      {"\xf8\x88\x80\x80\x80", std::nullopt},      // 5-byte form
      {"\xfc\x84\x80\x80\x80\x80", std::nullopt},  // 6-byte form
      {"\xfe", std::nullopt},
      {"\xff", std::nullopt},
      // Truncated sequences, at the end and before another character.
      {"\xc3", std::nullopt},
      {"\xc3z", std::nullopt},
      {"\xe2\x82", std::nullopt},
      {"\xe2\x82z", std::nullopt},
      {"\xe2z\xac", std::nullopt},
      {"\xf0\x9f\x98", std::nullopt},
      {"\xf0\x9f\x98z", std::nullopt},
      {"\xf0", std::nullopt},
      {"ok\xf0\x9f", std::nullopt},
      // Overlong encodings.
      {"\xc0\x80", std::nullopt},  // U+0000 in 2 bytes ("modified UTF-8")
      {"\xc0\xaf", std::nullopt},  // '/'
      {"\xc1\xbf", std::nullopt},  // U+007F
      {"\xe0\x80\x80", std::nullopt},
      {"\xe0\x9f\xbf", std::nullopt},  // U+07FF in 3 bytes
      {"\xf0\x80\x80\x80", std::nullopt},
      {"\xf0\x8f\xbf\xbf", std::nullopt},  // U+FFFF in 4 bytes
      // Surrogates encoded in UTF-8 (CESU-8), alone or paired.
      {"\xed\xa0\x80", std::nullopt},              // U+D800
      {"\xed\xad\xbf", std::nullopt},              // U+DB7F
      {"\xed\xb0\x80", std::nullopt},              // U+DC00
      {"\xed\xbf\xbf", std::nullopt},              // U+DFFF
      {"\xed\xa0\xbd\xed\xb8\x80", std::nullopt},  // U+1F600 as a surrogate pair
      // Above U+10FFFF.
      {"\xf4\x90\x80\x80", std::nullopt},  // U+110000
      {"\xf5\x80\x80\x80", std::nullopt},
      {"\xf7\xbf\xbf\xbf", std::nullopt},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(utf8_length(row.input) == row.length);
    CHECK(valid_utf8(row.input) == row.length.has_value());
  }
}

TEST_CASE("utf8_length: every code point round-trips with length 1", "[utf8]") {
  // Encode each scalar value by hand and check it counts as one character; the
  // surrogates must be refused.
  std::size_t accepted = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    std::string s;
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    const auto n = utf8_length(s);
    if (n != (surrogate ? std::nullopt : std::optional<std::size_t>(1))) {
      FAIL_CHECK("code point " << static_cast<unsigned long>(cp));
    }
    if (n) ++accepted;
  }
  CHECK(accepted == 0x110000 - 0x800);
}

TEST_CASE("has_controls: C0, DEL and C1, but line feed and tab are prose", "[utf8]") {
  struct Row {
    std::string_view input;
    bool in_name;   // has_controls(input, false): refused in a name or title
    bool in_prose;  // has_controls(input, true): refused in message text
  };
  const Row rows[] = {
      {"", false, false},
      {"plain text", false, false},
      {"caf\xc3\xa9 \xf0\x9f\x91\x8d", false, false},
      {"\xc2\xa0", false, false},      // U+00A0, just above C1
      {"\xc2\xbf", false, false},      // U+00BF
      {"\xe2\x80\xa8", false, false},  // U+2028 line separator: not a control
      {"\x7e", false, false},          // '~', just below DEL
      {" ", false, false},             // U+0020, just above C0
      // Line feed and tab: prose only.
      {"a\nb", true, false},
      {"a\tb", true, false},
      {"\n\t\n", true, false},
      // Every other C0 character, DEL and C1: neither.
      {"\0"sv, true, true},
      {"a\0b"sv, true, true},
      {"\x01", true, true},
      {"\x07", true, true},  // BEL
      {"\x08", true, true},
      {"\x0b", true, true},
      {"\x0c", true, true},
      {"a\r\nb", true, true},
      {"\r", true, true},
      {"\x1b[31m", true, true},  // ESC
      {"\x1f", true, true},
      {"\x7f", true, true},                      // DEL
      {"\xc2\x80", true, true},                  // U+0080, first C1
      {"\xc2\x85", true, true},                  // U+0085 NEL
      {"\xc2\x9b", true, true},                  // U+009B CSI
      {"\xc2\x9f", true, true},                  // U+009F, last C1
      {"ok\xc2\x85", true, true},                // at the end
      {"\xc3\xa9\xc2\x80\xc3\xa9", true, true},  // between two characters
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(has_controls(row.input, false) == row.in_name);
    CHECK(has_controls(row.input, true) == row.in_prose);
  }
}

TEST_CASE("has_controls: every code point below U+00A0 is a control but the printable ASCII",
          "[utf8]") {
  for (char32_t cp = 0; cp < 0xA0; ++cp) {
    std::string s;
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    const bool printable = cp >= 0x20 && cp < 0x7F;
    const bool line_break = cp == '\n' || cp == '\t';
    if (has_controls(s, false) != !printable ||
        has_controls(s, true) != !(printable || line_break)) {
      FAIL_CHECK("code point " << static_cast<unsigned long>(cp));
    }
  }
}

}  // namespace
}  // namespace praxis::protocol
