// Account writes inside a write job (storage/core/txn.hpp: the rules for
// statuses, exceptions and threads). Times are given by the caller. Calls
// made by an admin take the acting user (`actor`) and check, inside the
// transaction, that it is an active admin: kForbidden otherwise.
#pragma once

#include <string>
#include <vector>

#include "storage/accounts/types.hpp"

namespace praxis::storage {
class Txn;
}

namespace praxis::storage::accounts {

class Writes {
 public:
  explicit Writes(Txn& tx) : tx_(tx) {}

  // kConflict if the e-mail is taken. Fills user.id on kOk (created_at as given).
  Status create_user(User& user);
  // Replaces the user's display name, institution, country, languages and
  // time zone (not the e-mail). kNotFound if no such user.
  Status update_profile(Id user_id, const UserProfile& profile);
  // Replaces the password hash; spends the user's unused reset links.
  // kNotFound if no such user, kForbidden if deactivated, kConflict if
  // `expected` is given and the stored hash is another (changed meanwhile).
  Status set_password_hash(Id user_id, const std::string& hash, Millis now,
                           const std::string& expected = {});

  // Stores sha256(token) for user; expires_at 0 = never; where the client
  // signed in from. kNotFound if no such user, kForbidden if deactivated,
  // kConflict if the hash exists.
  Status create_session(const std::string& token_hash, Id user_id, Millis now, Millis expires_at,
                        const std::string& address = {}, const std::string& user_agent = {});
  // kNotFound if no such unrevoked session.
  Status revoke_session(const std::string& token_hash, Millis now);
  // Revokes the live session `session_id` for `actor`: its owner, or an
  // active admin. kNotFound if there is no such live session, or it is
  // another user's and the actor is not an admin (whose sessions exist is
  // not shown). On kOk fills `revoked`.
  Status revoke_session_by_id(Id session_id, Id actor, Millis now, Session& revoked);
  // Revokes every unrevoked session of the user but the one with the hash
  // `except` (empty: all). Always kOk.
  Status revoke_sessions(Id user_id, Millis now, const std::string& except = {});
  // After a sign-in: ends the user's live sessions beyond the newest
  // `max_live` (0: no cap) and returns their token hashes (the server closes
  // their sockets), and deletes the user's ended sessions (revoked or expired),
  // so that the table holds at most max_live rows per user after each sign-in.
  std::vector<std::string> cap_sessions(Id user_id, int max_live, Millis now);

  // Fills inv.id. kConflict if the token hash exists. expires_at 0 = never;
  // created_by 0 = nobody (stored as NULL).
  Status create_invitation(Invitation& inv, const std::string& token_hash);
  // Marks the invitation used if it exists, is unused, unrevoked and
  // unexpired at `now`. kForbidden otherwise. On kOk fills `inv`.
  Status consume_invitation(const std::string& token_hash, Millis now, Invitation& inv);
  // By an admin. kNotFound if no such invitation, kConflict if it was used,
  // kUnchanged if it is revoked already.
  Status revoke_invitation(Id invitation_id, Id actor, Millis now);

  // By an admin: a one-time reset link for the user, valid until
  // expires_at; the user's earlier unused links are spent. kNotFound if no
  // such user, kConflict if the user is deactivated or the hash exists.
  Status create_password_reset(const std::string& token_hash, Id user_id, Id actor, Millis now,
                               Millis expires_at);
  // Spends the link (and the user's other unused ones) if it exists, is
  // unused and unexpired at `now`, and its user is active; fills user_id.
  // kForbidden otherwise.
  Status consume_password_reset(const std::string& token_hash, Millis now, Id& user_id);

  // By an admin: the user can no longer sign in; every session is revoked
  // and every unused reset link spent; what the user wrote is kept.
  // kNotFound if no such user, kConflict for the actor themself or the last
  // active admin, kUnchanged if deactivated already.
  Status deactivate_user(Id user_id, Id actor, Millis now);
  // By an admin. kNotFound if no such user, kUnchanged if active.
  Status reactivate_user(Id user_id, Id actor);

  // The one-time setup token (only one is kept).
  Status set_setup_token(const std::string& token_hash);
  // kForbidden unless it matches and no admin exists yet: a token printed
  // before the first admin was made is worthless after.
  Status consume_setup_token(const std::string& token_hash);
  // Forgets any setup token (the first admin exists).
  void clear_setup_tokens();

 private:
  Txn& tx_;
};

}  // namespace praxis::storage::accounts
