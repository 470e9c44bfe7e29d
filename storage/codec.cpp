#include "storage/codec.hpp"

#include <array>
#include <chrono>
#include <nlohmann/json.hpp>

#include "storage/database.hpp"

namespace praxis::storage::detail {

namespace {

// Names indexed by enum value.
constexpr std::array<const char*, 2> kUserRoles = {"member", "admin"};
constexpr std::array<const char*, 3> kRoomRoles = {"member", "moderator", "owner"};
constexpr std::array<const char*, 2> kVisibilities = {"open", "private"};
constexpr std::array<const char*, 4> kEventKinds = {"message", "edit", "delete", "reaction"};

template <class E, std::size_t N>
E parse(const std::array<const char*, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (s == names[i]) return static_cast<E>(i);
  }
  throw Error("unknown value in database: " + std::string(s));
}

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

const char* to_text(UserRole v) { return kUserRoles.at(static_cast<std::size_t>(v)); }
const char* to_text(RoomRole v) { return kRoomRoles.at(static_cast<std::size_t>(v)); }
const char* to_text(Visibility v) { return kVisibilities.at(static_cast<std::size_t>(v)); }
const char* to_text(EventKind v) { return kEventKinds.at(static_cast<std::size_t>(v)); }

UserRole user_role_from(std::string_view s) { return parse<UserRole>(kUserRoles, s); }
RoomRole room_role_from(std::string_view s) { return parse<RoomRole>(kRoomRoles, s); }
Visibility visibility_from(std::string_view s) { return parse<Visibility>(kVisibilities, s); }
EventKind event_kind_from(std::string_view s) { return parse<EventKind>(kEventKinds, s); }

std::string ids_to_json(const std::vector<Id>& ids) { return nlohmann::json(ids).dump(); }
std::vector<Id> ids_from_json(const std::string& json) { return list_from_json<Id>(json); }
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

Millis now_millis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace praxis::storage::detail
