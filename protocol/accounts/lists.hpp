// The accounts lists of the HTTP API (protocol/accounts/accounts.md): paging
// (`?limit=N&cursor=C`, PROTOCOL.md §3 "Lists") and the SESSION object.
// Pure functions, no I/O; thread-safe.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/accounts/bodies.hpp"

namespace praxis::protocol::accounts {

// The largest (and default) page of users, invitations and sessions.
inline constexpr std::int64_t kListPageMax = 200;
inline constexpr std::size_t kMaxCursorBytes = 512;

// How a list is ordered, and so what its cursor holds besides the last id:
// users by display name (kName), sessions and invitations newest first by
// creation time (kTime).
enum class CursorKey { kName, kTime };

// A position: the last item of the previous page. On the wire `next` is
// "<id>:<key>" (key: the name, or the time in decimal).
struct Cursor {
  std::int64_t id = 0;
  std::string name;     // kName
  std::int64_t at = 0;  // kTime
  bool operator==(const Cursor&) const = default;
};

struct PageRequest {
  std::int64_t limit = kListPageMax;  // 1 ... kListPageMax
  std::optional<Cursor> cursor;       // none: the first page
  bool operator==(const PageRequest&) const = default;
};

// From the query parameters (each nullopt when absent). `limit` a positive
// integer (above kListPageMax: kListPageMax); `cursor` the `next` of an
// earlier page of the same list. bad_field otherwise.
Parsed<PageRequest> parse_page(const std::optional<std::string>& limit,
                               const std::optional<std::string>& cursor, CursorKey key);
std::string name_cursor(std::int64_t id, std::string_view name);
std::string time_cursor(std::int64_t id, std::int64_t at);

// The SESSION object: a login session as its owner and admins see it.
struct SessionInfo {
  std::int64_t id = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;  // 0: never
  std::string address;
  std::string user_agent;
  bool current = false;  // the session this request came with
  bool operator==(const SessionInfo&) const = default;
};

void to_json(nlohmann::json& j, const SessionInfo& s);

inline constexpr std::size_t kMaxUserAgentBytes = 256;
inline constexpr std::size_t kMaxAddressBytes = 64;

// A request header as a session keeps it (User-Agent, the client's address):
// printable ASCII only (anything else becomes '?'), at most max_bytes.
std::string header_text(std::string_view raw, std::size_t max_bytes);

}  // namespace praxis::protocol::accounts
