#include "server/accounts/wire.hpp"

#include "protocol/accounts/lists.hpp"
#include "protocol/accounts/user.hpp"

namespace praxis::server::accounts {

const char* role_name(storage::accounts::UserRole role) { return storage::accounts::to_text(role); }

nlohmann::json user_json(const storage::accounts::User& u, bool with_email) {
  protocol::accounts::UserInfo w;
  w.id = u.id;
  if (with_email) w.email = u.profile.email;
  w.display_name = u.profile.display_name;
  w.institution = u.profile.institution;
  w.country = u.profile.country;
  w.languages = u.profile.languages;
  w.time_zone = u.profile.time_zone;
  w.role = role_name(u.role);
  w.active = u.active();
  return w;
}

nlohmann::json session_json(const storage::accounts::Session& s, const std::string& current_hash) {
  return protocol::accounts::SessionInfo{s.id,      s.created_at, s.expires_at,
                                         s.address, s.user_agent, s.token_hash == current_hash};
}

Principal principal_of(const storage::accounts::SessionUser& s, const std::string& token_hash) {
  Principal p;
  p.user = s.user.id;
  p.admin = s.user.role == storage::accounts::UserRole::kAdmin;
  p.display_name = s.user.profile.display_name;
  p.token_hash = token_hash;
  p.expires_at = s.expires_at;
  p.info = user_json(s.user, true);
  return p;
}

}  // namespace praxis::server::accounts
