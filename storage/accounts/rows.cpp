#include "storage/accounts/rows.hpp"

#include <array>

#include "storage/core/codec.hpp"

namespace praxis::storage::accounts {

namespace {
constexpr std::array<const char*, 2> kUserRoles = {"member", "admin"};
}  // namespace

const char* to_text(UserRole role) { return storage::detail::enum_text(kUserRoles, role); }

namespace detail {

using storage::detail::Query;

UserRole user_role_from(std::string_view s) {
  return storage::detail::enum_from<UserRole>(kUserRoles, s);
}

User read_user(const Query& q) {
  User u;
  u.id = q.i64(0);
  u.profile.email = q.str(1);
  u.profile.display_name = q.str(2);
  u.profile.institution = q.str(3);
  u.profile.country = q.str(4);
  u.profile.languages = storage::detail::strings_from_json(q.str(5));
  u.profile.time_zone = q.str(6);
  u.role = user_role_from(q.str(7));
  u.password_hash = q.str(8);
  u.created_at = q.i64(9);
  u.deactivated_at = q.opt_i64(10);
  return u;
}

Invitation read_invitation(const Query& q) {
  Invitation i;
  i.id = q.i64(0);
  i.email = q.str(1);
  i.role = user_role_from(q.str(2));
  i.created_by = q.opt_i64(3).value_or(0);
  i.created_at = q.i64(4);
  i.expires_at = q.i64(5);
  i.used = q.opt_i64(6).has_value();
  i.revoked = q.opt_i64(7).has_value();
  return i;
}

Session read_session(const Query& q) {
  Session s;
  s.id = q.i64(0);
  s.user_id = q.i64(1);
  s.token_hash = q.str(2);
  s.created_at = q.i64(3);
  s.expires_at = q.i64(4);
  s.address = q.str(5);
  s.user_agent = q.str(6);
  return s;
}

}  // namespace detail
}  // namespace praxis::storage::accounts
