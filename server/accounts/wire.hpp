// Private to server/accounts: storage records as the API shows them.
#pragma once

#include <nlohmann/json.hpp>

#include "protocol/accounts/lists.hpp"
#include "server/core/principal.hpp"
#include "storage/accounts/types.hpp"

namespace praxis::server::accounts {

// The `next` of a page listed newest first (sessions, invitations): the cursor
// of its last item, or null after the last page.
template <class T>
nlohmann::json next_by_time(const storage::Page<T>& page) {
  if (!page.has_more || page.items.empty()) return nullptr;
  return protocol::accounts::time_cursor(page.items.back().id, page.items.back().created_at);
}

// The USER object; the e-mail only for the user and for admins.
nlohmann::json user_json(const storage::accounts::User& u, bool with_email);
// The SESSION object; `current` if it is the session with that token hash.
nlohmann::json session_json(const storage::accounts::Session& s, const std::string& current_hash);
Principal principal_of(const storage::accounts::SessionUser& s, const std::string& token_hash);
const char* role_name(storage::accounts::UserRole role);

}  // namespace praxis::server::accounts
