// WriteTxn: construction, savepoints, shared helpers and account writes.
#include "storage/write_txn.hpp"

#include "storage/codec.hpp"
#include "storage/rows.hpp"
#include "storage/write_txn_impl.hpp"

namespace praxis::storage {

namespace {

constexpr char kSavepoint[] = "SAVEPOINT write_txn";
constexpr char kRollbackTo[] = "ROLLBACK TO write_txn";
constexpr char kRelease[] = "RELEASE write_txn";

constexpr char kSelectActor[] =
    "SELECT m.role, r.last_seq, u.display_name FROM room_members AS m "
    "JOIN rooms AS r ON r.id = m.room_id JOIN users AS u ON u.id = m.user_id "
    "WHERE m.room_id = ? AND m.user_id = ?";
constexpr char kSelectUserExists[] = "SELECT 1 FROM users WHERE id = ?";
constexpr char kCountRooms[] = "SELECT COUNT(*) FROM room_members WHERE user_id = ?";
constexpr char kInsertMember[] =
    "INSERT INTO room_members(room_id, user_id, role, joined_at, read_seq) VALUES (?, ?, ?, ?, ?)";
constexpr char kSelectTarget[] =
    "SELECT user_id FROM events WHERE room_id = ? AND seq = ? AND kind = 'message' "
    "AND deleted_at IS NULL";
constexpr char kInsertEvent[] =
    "INSERT INTO events(room_id, seq, kind, user_id, at, text, lang, reply_to, mentions, cmid, "
    "target, emoji, reaction_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kUpdateLastSeq[] = "UPDATE rooms SET last_seq = ? WHERE id = ?";

constexpr char kSelectUserByEmail[] = "SELECT id FROM users WHERE email = ?";
constexpr char kInsertUser[] =
    "INSERT INTO users(email, display_name, institution, country, languages, time_zone, role, "
    "password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kUpdateProfile[] =
    "UPDATE users SET display_name = ?, institution = ?, country = ?, languages = ?, "
    "time_zone = ? WHERE id = ?";
constexpr char kSelectSession[] = "SELECT 1 FROM sessions WHERE token_hash = ?";
constexpr char kInsertSession[] =
    "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)";
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

std::optional<Id> optional_id(Id id) { return id == 0 ? std::nullopt : std::optional<Id>(id); }

}  // namespace

using detail::Query;

// ---- Impl ------------------------------------------------------------------

void WriteTxn::Impl::savepoint_begin() { Query(cache, kSavepoint).exec(); }

void WriteTxn::Impl::savepoint_end(bool keep) {
  if (!keep) Query(cache, kRollbackTo).exec();
  Query(cache, kRelease).exec();
}

void WriteTxn::Impl::savepoint_abandon() noexcept {
  try {
    Query(cache, kRollbackTo).exec();
    Query(cache, kRelease).exec();
  } catch (...) {
    // The transaction is gone (SQLite rolled it back); the writer notices.
  }
}

std::optional<WriteTxn::Impl::Actor> WriteTxn::Impl::actor(Id room_id, Id user_id) {
  Query q(cache, kSelectActor, room_id, user_id);
  if (!q.step()) return std::nullopt;
  return Actor{detail::room_role_from(q.str(0)), q.i64(1), q.str(2)};
}

bool WriteTxn::Impl::user_exists(Id user_id) {
  return Query(cache, kSelectUserExists, user_id).step();
}

std::int64_t WriteTxn::Impl::room_count(Id user_id) {
  Query q(cache, kCountRooms, user_id);
  q.step();
  return q.i64(0);
}

void WriteTxn::Impl::insert_member(Id room_id, Id user_id, RoomRole role, Millis at, Seq read_seq) {
  Query(cache, kInsertMember, room_id, user_id, detail::to_text(role), at, read_seq).exec();
}

std::optional<WriteTxn::Impl::Target> WriteTxn::Impl::live_message(Id room_id, Seq seq) {
  Query q(cache, kSelectTarget, room_id, seq);
  if (!q.step()) return std::nullopt;
  return Target{q.i64(0)};
}

void WriteTxn::Impl::append(Event& e, Seq last_seq) {
  e.seq = last_seq + 1;
  Query(cache, kInsertEvent, e.room_id, e.seq, detail::to_text(e.kind), e.by, e.at, e.text, e.lang,
        e.reply_to, detail::ids_to_json(e.mentions), e.cmid, e.target, e.emoji, e.on)
      .exec();
  Query(cache, kUpdateLastSeq, e.seq, e.room_id).exec();
}

// ---- accounts ----------------------------------------------------------------

WriteTxn::WriteTxn(SQLite::Database& db) : impl_(std::make_unique<Impl>(db)) {}
WriteTxn::~WriteTxn() = default;

Status WriteTxn::create_user(User& user) {
  return impl_->guarded("create_user", [&] {
    auto& c = impl_->cache;
    auto& p = user.profile;
    p.email = detail::lower_ascii(p.email);
    if (Query(c, kSelectUserByEmail, p.email).step()) return Status::kConflict;
    if (user.created_at == 0) user.created_at = detail::now_millis();
    Query(c, kInsertUser, p.email, p.display_name, p.institution, p.country,
          detail::strings_to_json(p.languages), p.time_zone, detail::to_text(user.role),
          user.password_hash, user.created_at)
        .exec();
    user.id = c.db().getLastInsertRowid();
    return Status::kOk;
  });
}

Status WriteTxn::update_profile(Id user_id, const UserProfile& p) {
  return impl_->guarded("update_profile", [&] {
    const int changed = Query(impl_->cache, kUpdateProfile, p.display_name, p.institution,
                              p.country, detail::strings_to_json(p.languages), p.time_zone, user_id)
                            .exec();
    return changed == 0 ? Status::kNotFound : Status::kOk;
  });
}

Status WriteTxn::create_session(const std::string& token_hash, Id user_id, Millis now,
                                Millis expires_at) {
  return impl_->guarded("create_session", [&] {
    if (!impl_->user_exists(user_id)) return Status::kNotFound;
    if (Query(impl_->cache, kSelectSession, token_hash).step()) return Status::kConflict;
    Query(impl_->cache, kInsertSession, token_hash, user_id, now, expires_at).exec();
    return Status::kOk;
  });
}

Status WriteTxn::revoke_session(const std::string& token_hash) {
  return impl_->guarded("revoke_session", [&] {
    int changed = Query(impl_->cache, kRevokeSession, detail::now_millis(), token_hash).exec();
    return changed == 0 ? Status::kNotFound : Status::kOk;
  });
}

Status WriteTxn::create_invitation(Invitation& inv, const std::string& token_hash) {
  return impl_->guarded("create_invitation", [&] {
    auto& c = impl_->cache;
    if (Query(c, kSelectInvitationId, token_hash).step()) return Status::kConflict;
    inv.email = detail::lower_ascii(inv.email);
    if (inv.created_at == 0) inv.created_at = detail::now_millis();
    inv.used = false;
    Query(c, kInsertInvitation, token_hash, inv.email, detail::to_text(inv.role),
          optional_id(inv.created_by), inv.created_at, inv.expires_at)
        .exec();
    inv.id = c.db().getLastInsertRowid();
    return Status::kOk;
  });
}

Status WriteTxn::consume_invitation(const std::string& token_hash, Millis now, Invitation& inv) {
  return impl_->guarded("consume_invitation", [&] {
    Query q(impl_->cache, kSelectInvitation, token_hash);
    if (!q.step()) return Status::kForbidden;
    Invitation found = detail::read_invitation(q);
    bool expired = found.expires_at != 0 && found.expires_at <= now;
    if (found.used || expired) return Status::kForbidden;
    Query(impl_->cache, kUseInvitation, now, found.id).exec();
    found.used = true;
    inv = found;
    return Status::kOk;
  });
}

Status WriteTxn::set_setup_token(const std::string& token_hash) {
  return impl_->guarded("set_setup_token", [&] {
    Query(impl_->cache, kDeleteSetupTokens).exec();
    Query(impl_->cache, kInsertSetupToken, token_hash).exec();
    return Status::kOk;
  });
}

Status WriteTxn::consume_setup_token(const std::string& token_hash) {
  return impl_->guarded("consume_setup_token", [&] {
    int changed = Query(impl_->cache, kConsumeSetupToken, token_hash).exec();
    return changed == 0 ? Status::kForbidden : Status::kOk;
  });
}

}  // namespace praxis::storage
