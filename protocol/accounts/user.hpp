// The USER object (protocol/accounts/accounts.md): who a member is, as every
// answer that names a user shows it; `email` only to the user and to admins.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace praxis::protocol::accounts {

struct UserInfo {
  std::int64_t id = 0;
  std::optional<std::string> email;
  std::string display_name;
  std::string institution;
  std::string country;
  std::vector<std::string> languages;
  std::string time_zone;
  std::string role;  // "admin" | "member"
  bool active = true;
};

void to_json(nlohmann::json& j, const UserInfo& u);

}  // namespace praxis::protocol::accounts
