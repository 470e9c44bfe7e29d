#include "storage/accounts/queries.hpp"

#include <algorithm>
#include <limits>

#include "storage/accounts/rows.hpp"
#include "storage/core/connection.hpp"
#include "storage/core/reader.hpp"

namespace praxis::storage::accounts {

namespace {

using storage::detail::translate;

constexpr char kSelectAnyAdmin[] = "SELECT 1 FROM users WHERE role = 'admin' LIMIT 1";
constexpr char kSelectUserById[] = "SELECT " PRAXIS_USER_COLUMNS " FROM users AS u WHERE u.id = ?";
constexpr char kSelectUserByEmail[] =
    "SELECT " PRAXIS_USER_COLUMNS " FROM users AS u WHERE u.email = ?";
constexpr char kSelectActiveUserByEmail[] =
    "SELECT " PRAXIS_USER_COLUMNS " FROM users AS u WHERE u.email = ? AND u.deactivated_at IS NULL";
constexpr char kSelectSessionUser[] =
    "SELECT " PRAXIS_USER_COLUMNS
    ", s.expires_at FROM sessions AS s JOIN users AS u ON u.id = s.user_id "
    "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND (s.expires_at = 0 OR s.expires_at > ?) "
    "AND u.deactivated_at IS NULL";
constexpr char kSelectUsers[] =
    "SELECT " PRAXIS_USER_COLUMNS " FROM users AS u ORDER BY u.display_name, u.id";
constexpr char kSelectUsersPage[] =
    "SELECT " PRAXIS_USER_COLUMNS
    " FROM users AS u WHERE (u.display_name, u.id) > (?, ?) "
    "AND (? OR u.deactivated_at IS NULL) ORDER BY u.display_name, u.id LIMIT ?";
constexpr char kSelectSetupToken[] = "SELECT 1 FROM setup_tokens WHERE token_hash = ?";
constexpr char kSelectUsableInvitation[] =
    "SELECT " PRAXIS_INVITATION_COLUMNS
    " FROM invitations AS i WHERE i.token_hash = ? AND i.used_at IS NULL "
    "AND i.revoked_at IS NULL AND (i.expires_at = 0 OR i.expires_at > ?)";
constexpr char kSelectUsableReset[] =
    "SELECT 1 FROM password_resets AS r JOIN users AS u ON u.id = r.user_id "
    "WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? "
    "AND u.deactivated_at IS NULL";
constexpr char kSelectInvitations[] =
    "SELECT " PRAXIS_INVITATION_COLUMNS
    " FROM invitations AS i ORDER BY i.created_at DESC, i.id DESC";
constexpr char kSelectInvitationsPage[] =
    "SELECT " PRAXIS_INVITATION_COLUMNS
    " FROM invitations AS i WHERE (i.created_at, i.id) < (?, ?) "
    "ORDER BY i.created_at DESC, i.id DESC LIMIT ?";
constexpr char kSelectSessionsOf[] =
    "SELECT " PRAXIS_SESSION_COLUMNS
    " FROM sessions AS s WHERE s.user_id = ? AND s.revoked_at IS NULL "
    "AND (s.expires_at = 0 OR s.expires_at > ?) AND (s.created_at, s.id) < (?, ?) "
    "ORDER BY s.created_at DESC, s.id DESC LIMIT ?";

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

SessionUser read_session_user(const storage::detail::Query& q) {
  return SessionUser{detail::read_user(q), q.i64(detail::kUserColumnCount)};
}

}  // namespace

bool Queries::needs_setup() {
  return translate("needs_setup",
                   [&] { return !storage::detail::exists(r_.statements(), kSelectAnyAdmin); });
}

std::optional<User> Queries::user_by_id(Id id) {
  return translate("user_by_id", [&] {
    return storage::detail::one(r_.statements(), kSelectUserById, detail::read_user, id);
  });
}

std::optional<User> Queries::user_by_email(const std::string& email) {
  return translate("user_by_email", [&] {
    return storage::detail::one(r_.statements(), kSelectUserByEmail, detail::read_user, email);
  });
}

std::optional<User> Queries::active_user_by_email(const std::string& email) {
  return translate("active_user_by_email", [&] {
    return storage::detail::one(r_.statements(), kSelectActiveUserByEmail, detail::read_user,
                                email);
  });
}

std::optional<SessionUser> Queries::session_user(const std::string& token_hash, Millis now) {
  return translate("session_user", [&] {
    return storage::detail::one(r_.statements(), kSelectSessionUser, read_session_user, token_hash,
                                now);
  });
}

bool Queries::setup_token_exists(const std::string& token_hash) {
  return translate("setup_token_exists", [&] {
    return storage::detail::exists(r_.statements(), kSelectSetupToken, token_hash);
  });
}

std::optional<Invitation> Queries::usable_invitation(const std::string& token_hash, Millis now) {
  return translate("usable_invitation", [&] {
    return storage::detail::one(r_.statements(), kSelectUsableInvitation, detail::read_invitation,
                                token_hash, now);
  });
}

bool Queries::password_reset_usable(const std::string& token_hash, Millis now) {
  return translate("password_reset_usable", [&] {
    return storage::detail::exists(r_.statements(), kSelectUsableReset, token_hash, now);
  });
}

std::vector<User> Queries::users() {
  return translate("users", [&] {
    return storage::detail::all(r_.statements(), kSelectUsers, detail::read_user);
  });
}

std::vector<Invitation> Queries::invitations() {
  return translate("invitations", [&] {
    return storage::detail::all(r_.statements(), kSelectInvitations, detail::read_invitation);
  });
}

Page<User> Queries::users_page(const std::optional<NameAfter>& after, std::int64_t limit,
                               bool with_deactivated) {
  limit = std::max<std::int64_t>(limit, 0);
  return translate("users_page", [&] {
    return detail::paged(
        storage::detail::all(r_.statements(), kSelectUsersPage, detail::read_user,
                             after ? after->name : std::string(), after ? after->id : Id{0},
                             with_deactivated, limit + 1),
        limit);
  });
}

Page<Invitation> Queries::invitations_page(const std::optional<TimeAfter>& after,
                                           std::int64_t limit) {
  limit = std::max<std::int64_t>(limit, 0);
  return translate("invitations_page", [&] {
    return detail::paged(
        storage::detail::all(r_.statements(), kSelectInvitationsPage, detail::read_invitation,
                             after ? after->at : kMax, after ? after->id : kMax, limit + 1),
        limit);
  });
}

Page<Session> Queries::sessions_of(Id user_id, Millis now, const std::optional<TimeAfter>& after,
                                   std::int64_t limit) {
  limit = std::max<std::int64_t>(limit, 0);
  return translate("sessions_of", [&] {
    return detail::paged(
        storage::detail::all(r_.statements(), kSelectSessionsOf, detail::read_session, user_id, now,
                             after ? after->at : kMax, after ? after->id : kMax, limit + 1),
        limit);
  });
}

}  // namespace praxis::storage::accounts
