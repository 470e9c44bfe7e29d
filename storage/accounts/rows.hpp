// Private to storage/accounts: column lists and the functions that turn a
// result row into a record. A query selecting PRAXIS_X_COLUMNS first is read
// by read_x.
#pragma once

#include "storage/accounts/types.hpp"
#include "storage/core/statements.hpp"

// users AS u
#define PRAXIS_USER_COLUMNS                                                             \
  "u.id, u.email, u.display_name, u.institution, u.country, u.languages, u.time_zone, " \
  "u.role, u.password_hash, u.created_at, u.deactivated_at"
// invitations AS i
#define PRAXIS_INVITATION_COLUMNS \
  "i.id, i.email, i.role, i.created_by, i.created_at, i.expires_at, i.used_at, i.revoked_at"
// sessions AS s
#define PRAXIS_SESSION_COLUMNS \
  "s.id, s.user_id, s.token_hash, s.created_at, s.expires_at, s.address, s.user_agent"

namespace praxis::storage::accounts::detail {

inline constexpr int kUserColumnCount = 11;

UserRole user_role_from(std::string_view s);
User read_user(const storage::detail::Query& q);
Invitation read_invitation(const storage::detail::Query& q);
Session read_session(const storage::detail::Query& q);

using storage::paged;

}  // namespace praxis::storage::accounts::detail
