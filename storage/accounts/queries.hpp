// Read-only account queries on a borrowed Reader (storage/core/reader.hpp);
// same thread rules. Nothing throws for "not found"; SQLite errors are thrown
// as storage::Error. A paged list returns at most `limit` items after a
// position (none: from the start), with has_more telling whether more follow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/accounts/types.hpp"

namespace praxis::storage {
class Reader;
}

namespace praxis::storage::accounts {

class Queries {
 public:
  explicit Queries(Reader& r) : r_(r) {}

  bool needs_setup();  // no admin user exists
  std::optional<User> user_by_id(Id id);
  std::optional<User> user_by_email(const std::string& email);  // case-insensitive
  // The same, only if the user is active: whom a password may sign in.
  std::optional<User> active_user_by_email(const std::string& email);
  // The user of a live (unrevoked, unexpired at `now`) session of an active user.
  std::optional<SessionUser> session_user(const std::string& token_hash, Millis now);
  // Whether a setup token with this hash is kept (see Writes::consume_setup_token).
  bool setup_token_exists(const std::string& token_hash);
  // The invitation with this hash if it is unused, unrevoked and unexpired at `now`.
  std::optional<Invitation> usable_invitation(const std::string& token_hash, Millis now);
  // Whether a password-reset link with this hash exists, unused and unexpired
  // at `now`, for an active user.
  bool password_reset_usable(const std::string& token_hash, Millis now);
  std::vector<User> users();              // ordered by display_name, id
  std::vector<Invitation> invitations();  // newest first
  // Pages of the same lists; users_page leaves out deactivated users unless
  // with_deactivated.
  Page<User> users_page(const std::optional<NameAfter>& after, std::int64_t limit,
                        bool with_deactivated);
  Page<Invitation> invitations_page(const std::optional<TimeAfter>& after, std::int64_t limit);
  // The user's live sessions at `now`, newest first.
  Page<Session> sessions_of(Id user_id, Millis now, const std::optional<TimeAfter>& after,
                            std::int64_t limit);

 private:
  Reader& r_;
};

}  // namespace praxis::storage::accounts
