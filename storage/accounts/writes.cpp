#include "storage/accounts/writes.hpp"

#include "storage/accounts/rows.hpp"
#include "storage/core/codec.hpp"
#include "storage/core/txn.hpp"

namespace praxis::storage::accounts {

namespace {

using storage::detail::exists;
using storage::detail::Query;

constexpr char kSelectEmailTaken[] = "SELECT 1 FROM users WHERE email = ?";
constexpr char kSelectAnyAdmin[] = "SELECT 1 FROM users WHERE role = 'admin' LIMIT 1";
constexpr char kInsertUser[] =
    "INSERT INTO users(email, display_name, institution, country, languages, time_zone, role, "
    "password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kUpdateProfile[] =
    "UPDATE users SET display_name = ?, institution = ?, country = ?, languages = ?, "
    "time_zone = ? WHERE id = ?";
constexpr char kSelectSession[] = "SELECT 1 FROM sessions WHERE token_hash = ?";
constexpr char kInsertSession[] =
    "INSERT INTO sessions(token_hash, user_id, created_at, expires_at, address, user_agent) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kRevokeSession[] =
    "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL";
constexpr char kSelectInvitationId[] = "SELECT id FROM invitations WHERE token_hash = ?";
constexpr char kInsertInvitation[] =
    "INSERT INTO invitations(token_hash, email, role, created_by, created_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectInvitation[] =
    "SELECT " PRAXIS_INVITATION_COLUMNS " FROM invitations AS i WHERE i.token_hash = ?";
constexpr char kUseInvitation[] = "UPDATE invitations SET used_at = ? WHERE id = ?";
constexpr char kDeleteSetupTokens[] = "DELETE FROM setup_tokens";
constexpr char kInsertSetupToken[] = "INSERT INTO setup_tokens(token_hash) VALUES (?)";
constexpr char kConsumeSetupToken[] = "DELETE FROM setup_tokens WHERE token_hash = ?";
constexpr char kSelectActiveAdmin[] =
    "SELECT 1 FROM users WHERE id = ? AND role = 'admin' AND deactivated_at IS NULL";
constexpr char kSelectUserState[] =
    "SELECT role, deactivated_at, password_hash FROM users WHERE id = ?";
constexpr char kCountOtherActiveAdmins[] =
    "SELECT COUNT(*) FROM users WHERE role = 'admin' AND deactivated_at IS NULL AND id <> ?";
constexpr char kUpdatePasswordHash[] = "UPDATE users SET password_hash = ? WHERE id = ?";
constexpr char kDeactivateUser[] = "UPDATE users SET deactivated_at = ? WHERE id = ?";
constexpr char kReactivateUser[] = "UPDATE users SET deactivated_at = NULL WHERE id = ?";
constexpr char kSelectLiveSession[] = "SELECT " PRAXIS_SESSION_COLUMNS
                                      " FROM sessions AS s WHERE s.id = ? AND s.revoked_at IS NULL "
                                      "AND (s.expires_at = 0 OR s.expires_at > ?)";
constexpr char kRevokeSessionById[] = "UPDATE sessions SET revoked_at = ? WHERE id = ?";
// A user's live sessions but the newest N. By id, not created_at: ids follow
// insertion, the wall clock may step back (and rank the new session last).
constexpr char kSelectLiveBeyond[] =
    "SELECT token_hash FROM sessions WHERE user_id = ? AND revoked_at IS NULL "
    "AND (expires_at = 0 OR expires_at > ?) ORDER BY id DESC LIMIT -1 OFFSET ?";
constexpr char kDeleteSession[] = "DELETE FROM sessions WHERE token_hash = ?";
constexpr char kDeleteEndedSessions[] =
    "DELETE FROM sessions WHERE user_id = ? "
    "AND (revoked_at IS NOT NULL OR (expires_at > 0 AND expires_at <= ?))";
constexpr char kRevokeSessionsOf[] =
    "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL "
    "AND token_hash <> ?";
constexpr char kSelectInvitationState[] =
    "SELECT used_at, revoked_at FROM invitations WHERE id = ?";
constexpr char kRevokeInvitation[] = "UPDATE invitations SET revoked_at = ? WHERE id = ?";
constexpr char kSelectResetExists[] = "SELECT 1 FROM password_resets WHERE token_hash = ?";
constexpr char kInsertReset[] =
    "INSERT INTO password_resets(token_hash, user_id, created_by, created_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr char kSelectUsableReset[] =
    "SELECT r.user_id FROM password_resets AS r JOIN users AS u ON u.id = r.user_id "
    "WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? "
    "AND u.deactivated_at IS NULL";
constexpr char kSpendResets[] =
    "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL";

std::optional<Id> optional_id(Id id) { return id == 0 ? std::nullopt : std::optional<Id>(id); }

// What the writes below need to know of a user.
struct UserState {
  UserRole role = UserRole::kMember;
  bool active = true;
  std::string password_hash;
};

std::optional<UserState> user_state(storage::detail::StatementCache& c, Id user_id) {
  return storage::detail::one(
      c, kSelectUserState,
      [](const Query& q) {
        return UserState{detail::user_role_from(q.str(0)), !q.opt_i64(1).has_value(), q.str(2)};
      },
      user_id);
}

bool active_admin(storage::detail::StatementCache& c, Id user_id) {
  return exists(c, kSelectActiveAdmin, user_id);
}

}  // namespace

Status Writes::create_user(User& user) {
  return tx_.guarded("create_user", [&] {
    auto& c = tx_.statements();
    auto& p = user.profile;
    p.email = storage::detail::lower_ascii(p.email);
    if (exists(c, kSelectEmailTaken, p.email)) return Status::kConflict;
    Query(c, kInsertUser, p.email, p.display_name, p.institution, p.country,
          storage::detail::strings_to_json(p.languages), p.time_zone, to_text(user.role),
          user.password_hash, user.created_at)
        .exec();
    user.id = c.db().getLastInsertRowid();
    return Status::kOk;
  });
}

Status Writes::update_profile(Id user_id, const UserProfile& p) {
  return tx_.guarded("update_profile", [&] {
    const int changed =
        Query(tx_.statements(), kUpdateProfile, p.display_name, p.institution, p.country,
              storage::detail::strings_to_json(p.languages), p.time_zone, user_id)
            .exec();
    return changed == 0 ? Status::kNotFound : Status::kOk;
  });
}

Status Writes::create_session(const std::string& token_hash, Id user_id, Millis now,
                              Millis expires_at, const std::string& address,
                              const std::string& user_agent) {
  return tx_.guarded("create_session", [&] {
    auto& c = tx_.statements();
    auto user = user_state(c, user_id);
    if (!user) return Status::kNotFound;
    if (!user->active) return Status::kForbidden;
    if (exists(c, kSelectSession, token_hash)) return Status::kConflict;
    Query(c, kInsertSession, token_hash, user_id, now, expires_at, address, user_agent).exec();
    return Status::kOk;
  });
}

Status Writes::revoke_session(const std::string& token_hash, Millis now) {
  return tx_.guarded("revoke_session", [&] {
    int changed = Query(tx_.statements(), kRevokeSession, now, token_hash).exec();
    return changed == 0 ? Status::kNotFound : Status::kOk;
  });
}

Status Writes::create_invitation(Invitation& inv, const std::string& token_hash) {
  return tx_.guarded("create_invitation", [&] {
    auto& c = tx_.statements();
    if (exists(c, kSelectInvitationId, token_hash)) return Status::kConflict;
    inv.email = storage::detail::lower_ascii(inv.email);
    inv.used = false;
    Query(c, kInsertInvitation, token_hash, inv.email, to_text(inv.role),
          optional_id(inv.created_by), inv.created_at, inv.expires_at)
        .exec();
    inv.id = c.db().getLastInsertRowid();
    return Status::kOk;
  });
}

Status Writes::consume_invitation(const std::string& token_hash, Millis now, Invitation& inv) {
  return tx_.guarded("consume_invitation", [&] {
    auto found = storage::detail::one(tx_.statements(), kSelectInvitation, detail::read_invitation,
                                      token_hash);
    if (!found) return Status::kForbidden;
    const bool expired = found->expires_at != 0 && found->expires_at <= now;
    if (found->used || found->revoked || expired) return Status::kForbidden;
    Query(tx_.statements(), kUseInvitation, now, found->id).exec();
    found->used = true;
    inv = *found;
    return Status::kOk;
  });
}

Status Writes::set_password_hash(Id user_id, const std::string& hash, Millis now,
                                 const std::string& expected) {
  return tx_.guarded("set_password_hash", [&] {
    auto& c = tx_.statements();
    auto user = user_state(c, user_id);
    if (!user) return Status::kNotFound;
    if (!user->active) return Status::kForbidden;
    if (!expected.empty() && user->password_hash != expected) return Status::kConflict;
    Query(c, kUpdatePasswordHash, hash, user_id).exec();
    Query(c, kSpendResets, now, user_id).exec();
    return Status::kOk;
  });
}

Status Writes::revoke_session_by_id(Id session_id, Id actor, Millis now, Session& revoked) {
  return tx_.guarded("revoke_session_by_id", [&] {
    auto& c = tx_.statements();
    auto found = storage::detail::one(c, kSelectLiveSession, detail::read_session, session_id, now);
    if (!found) return Status::kNotFound;
    if (found->user_id != actor && !active_admin(c, actor)) return Status::kNotFound;
    Query(c, kRevokeSessionById, now, session_id).exec();
    revoked = *found;
    return Status::kOk;
  });
}

Status Writes::revoke_sessions(Id user_id, Millis now, const std::string& except) {
  return tx_.refuses_first("revoke_sessions", [&] {
    Query(tx_.statements(), kRevokeSessionsOf, now, user_id, except).exec();
    return Status::kOk;
  });
}

std::vector<std::string> Writes::cap_sessions(Id user_id, int max_live, Millis now) {
  return storage::detail::translate("cap_sessions", [&] {
    auto& c = tx_.statements();
    std::vector<std::string> ended;
    if (max_live > 0) {
      ended = storage::detail::all(
          c, kSelectLiveBeyond, [](const Query& q) { return q.str(0); }, user_id, now, max_live);
      for (const auto& hash : ended) Query(c, kDeleteSession, hash).exec();
    }
    Query(c, kDeleteEndedSessions, user_id, now).exec();
    return ended;
  });
}

Status Writes::revoke_invitation(Id invitation_id, Id actor, Millis now) {
  return tx_.guarded("revoke_invitation", [&] {
    auto& c = tx_.statements();
    if (!active_admin(c, actor)) return Status::kForbidden;
    struct State {
      bool used, revoked;
    };
    auto found = storage::detail::one(
        c, kSelectInvitationState,
        [](const Query& q) {
          return State{q.opt_i64(0).has_value(), q.opt_i64(1).has_value()};
        },
        invitation_id);
    if (!found) return Status::kNotFound;
    if (found->revoked) return Status::kUnchanged;
    if (found->used) return Status::kConflict;
    Query(c, kRevokeInvitation, now, invitation_id).exec();
    return Status::kOk;
  });
}

Status Writes::create_password_reset(const std::string& token_hash, Id user_id, Id actor,
                                     Millis now, Millis expires_at) {
  return tx_.guarded("create_password_reset", [&] {
    auto& c = tx_.statements();
    if (!active_admin(c, actor)) return Status::kForbidden;
    auto user = user_state(c, user_id);
    if (!user) return Status::kNotFound;
    if (!user->active || exists(c, kSelectResetExists, token_hash)) return Status::kConflict;
    Query(c, kSpendResets, now, user_id).exec();
    Query(c, kInsertReset, token_hash, user_id, optional_id(actor), now, expires_at).exec();
    return Status::kOk;
  });
}

Status Writes::consume_password_reset(const std::string& token_hash, Millis now, Id& user_id) {
  return tx_.guarded("consume_password_reset", [&] {
    auto& c = tx_.statements();
    auto found =
        storage::detail::one(c, kSelectUsableReset, storage::detail::read_id, token_hash, now);
    if (!found) return Status::kForbidden;
    Query(c, kSpendResets, now, *found).exec();
    user_id = *found;
    return Status::kOk;
  });
}

Status Writes::deactivate_user(Id user_id, Id actor, Millis now) {
  return tx_.guarded("deactivate_user", [&] {
    auto& c = tx_.statements();
    if (!active_admin(c, actor)) return Status::kForbidden;
    auto user = user_state(c, user_id);
    if (!user) return Status::kNotFound;
    if (user_id == actor) return Status::kConflict;
    if (!user->active) return Status::kUnchanged;
    // The actor is an active admin, so this holds already; kept so that the
    // rule does not hang on the check above.
    if (user->role == UserRole::kAdmin &&
        storage::detail::count(c, kCountOtherActiveAdmins, user_id) == 0) {
      return Status::kConflict;
    }
    Query(c, kDeactivateUser, now, user_id).exec();
    Query(c, kRevokeSessionsOf, now, user_id, std::string()).exec();
    Query(c, kSpendResets, now, user_id).exec();
    return Status::kOk;
  });
}

Status Writes::reactivate_user(Id user_id, Id actor) {
  return tx_.guarded("reactivate_user", [&] {
    auto& c = tx_.statements();
    if (!active_admin(c, actor)) return Status::kForbidden;
    auto user = user_state(c, user_id);
    if (!user) return Status::kNotFound;
    if (user->active) return Status::kUnchanged;
    Query(c, kReactivateUser, user_id).exec();
    return Status::kOk;
  });
}

Status Writes::set_setup_token(const std::string& token_hash) {
  return tx_.guarded("set_setup_token", [&] {
    Query(tx_.statements(), kDeleteSetupTokens).exec();
    Query(tx_.statements(), kInsertSetupToken, token_hash).exec();
    return Status::kOk;
  });
}

Status Writes::consume_setup_token(const std::string& token_hash) {
  return tx_.guarded("consume_setup_token", [&] {
    auto& c = tx_.statements();
    if (exists(c, kSelectAnyAdmin)) return Status::kForbidden;
    int changed = Query(c, kConsumeSetupToken, token_hash).exec();
    return changed == 0 ? Status::kForbidden : Status::kOk;
  });
}

void Writes::clear_setup_tokens() {
  tx_.refuses_first("clear_setup_tokens",
                    [&] { Query(tx_.statements(), kDeleteSetupTokens).exec(); });
}

}  // namespace praxis::storage::accounts
