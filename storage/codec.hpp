// Private to storage/: how enums, lists and times are stored in columns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/types.hpp"

namespace praxis::storage::detail {

// Column text of each enum value (also used literally in schema and SQL).
const char* to_text(UserRole v);
const char* to_text(RoomRole v);
const char* to_text(Visibility v);
const char* to_text(EventKind v);
// Inverse of to_text; throws Error on text this binary does not know.
UserRole user_role_from(std::string_view s);
RoomRole room_role_from(std::string_view s);
Visibility visibility_from(std::string_view s);
EventKind event_kind_from(std::string_view s);

// Lists are stored as JSON arrays in TEXT columns.
std::string ids_to_json(const std::vector<Id>& ids);
std::vector<Id> ids_from_json(const std::string& json);
std::string strings_to_json(const std::vector<std::string>& v);
std::vector<std::string> strings_from_json(const std::string& json);

std::string lower_ascii(std::string s);
Millis now_millis();  // system clock

}  // namespace praxis::storage::detail
