// Reader: connection, snapshots and account queries.
#include "storage/reader.hpp"

#include "storage/reader_impl.hpp"
#include "storage/rows.hpp"

namespace praxis::storage {

namespace {

constexpr char kBegin[] = "BEGIN";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";

constexpr char kSelectOne[] = "SELECT 1";
constexpr char kSelectAnyAdmin[] = "SELECT 1 FROM users WHERE role = 'admin' LIMIT 1";
constexpr char kSelectUserById[] = "SELECT " PRAXIS_USER_COLUMNS " FROM users AS u WHERE u.id = ?";
constexpr char kSelectUserByEmail[] =
    "SELECT " PRAXIS_USER_COLUMNS " FROM users AS u WHERE u.email = ?";
constexpr char kSelectSessionUser[] =
    "SELECT " PRAXIS_USER_COLUMNS
    " FROM sessions AS s JOIN users AS u ON u.id = s.user_id "
    "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND (s.expires_at = 0 OR s.expires_at > ?)";
constexpr char kSelectUsers[] =
    "SELECT " PRAXIS_USER_COLUMNS " FROM users AS u ORDER BY u.display_name, u.id";
constexpr char kSelectInvitations[] =
    "SELECT " PRAXIS_INVITATION_COLUMNS
    " FROM invitations AS i ORDER BY i.created_at DESC, i.id DESC";

}  // namespace

void Reader::Impl::begin() { detail::Query(cache, kBegin).exec(); }
void Reader::Impl::end() { detail::Query(cache, kCommit).exec(); }
void Reader::Impl::abandon() noexcept {
  try {
    detail::Query(cache, kRollback).exec();
  } catch (...) {
    // No transaction left to end.
  }
}

Reader::Reader(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}
Reader::~Reader() = default;

bool Reader::healthy() {
  try {
    return impl_->count(kSelectOne) == 1;
  } catch (const std::exception&) {
    return false;
  }
}

bool Reader::needs_setup() {
  return detail::translate("needs_setup", [&] { return impl_->count(kSelectAnyAdmin) == 0; });
}

std::optional<User> Reader::user_by_id(Id id) {
  return detail::translate("user_by_id",
                           [&] { return impl_->one(kSelectUserById, detail::read_user, id); });
}

std::optional<User> Reader::user_by_email(const std::string& email) {
  return detail::translate(
      "user_by_email", [&] { return impl_->one(kSelectUserByEmail, detail::read_user, email); });
}

std::optional<User> Reader::session_user(const std::string& token_hash, Millis now) {
  return detail::translate("session_user", [&] {
    return impl_->one(kSelectSessionUser, detail::read_user, token_hash, now);
  });
}

std::vector<User> Reader::users() {
  return detail::translate("users", [&] { return impl_->all(kSelectUsers, detail::read_user); });
}

std::vector<Invitation> Reader::invitations() {
  return detail::translate("invitations",
                           [&] { return impl_->all(kSelectInvitations, detail::read_invitation); });
}

}  // namespace praxis::storage
