#include "protocol/accounts/lists.hpp"

#include <algorithm>
#include <charconv>

#include "protocol/core/fields.hpp"

namespace praxis::protocol::accounts {
namespace {

[[noreturn]] void bad(const std::string& what) { throw FieldError(ErrorCode::kBadField, what); }

// A whole decimal integer (optionally negative), nothing around it.
std::optional<std::int64_t> integer(std::string_view s) {
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

Cursor cursor(std::string_view text, CursorKey key) {
  const auto fail = [] { bad("field 'cursor': expected the 'next' of an earlier page"); };
  if (text.size() > kMaxCursorBytes) fail();
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) fail();
  const auto id = integer(text.substr(0, colon));
  if (!id || *id <= 0) fail();
  Cursor c;
  c.id = *id;
  const auto rest = text.substr(colon + 1);
  if (key == CursorKey::kName) {
    c.name = std::string(rest);
  } else {
    const auto at = integer(rest);
    if (!at) fail();
    c.at = *at;
  }
  return c;
}

}  // namespace

Parsed<PageRequest> parse_page(const std::optional<std::string>& limit,
                               const std::optional<std::string>& cursor_text, CursorKey key) {
  try {
    PageRequest p;
    if (limit) {
      const auto n = integer(*limit);
      if (!n || *n <= 0) bad("field 'limit': expected a positive integer");
      p.limit = std::min(*n, kListPageMax);
    }
    if (cursor_text) p.cursor = cursor(*cursor_text, key);
    return p;
  } catch (const FieldError& e) {
    return Error{e.code(), e.what()};
  }
}

std::string name_cursor(std::int64_t id, std::string_view name) {
  return std::to_string(id) + ":" + std::string(name);
}

std::string time_cursor(std::int64_t id, std::int64_t at) {
  return std::to_string(id) + ":" + std::to_string(at);
}

void to_json(nlohmann::json& j, const SessionInfo& s) {
  j = {{"id", s.id},           {"created_at", s.created_at}, {"expires_at", s.expires_at},
       {"address", s.address}, {"user_agent", s.user_agent}, {"current", s.current}};
}

std::string header_text(std::string_view raw, std::size_t max_bytes) {
  std::string out(raw.substr(0, max_bytes));
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '?';
  }
  return out;
}

}  // namespace praxis::protocol::accounts
