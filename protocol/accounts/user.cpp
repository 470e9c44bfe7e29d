#include "protocol/accounts/user.hpp"

namespace praxis::protocol::accounts {

void to_json(nlohmann::json& j, const UserInfo& u) {
  j = {{"id", u.id},           {"display_name", u.display_name}, {"institution", u.institution},
       {"country", u.country}, {"languages", u.languages},       {"time_zone", u.time_zone},
       {"role", u.role}};
  if (u.email) j["email"] = *u.email;
  if (!u.active) j["active"] = false;
}

}  // namespace praxis::protocol::accounts
