// Domain writes. A WriteTxn exists only on the writer thread, inside the group
// commit's transaction (see writer.hpp). A call that returns a Status other
// than kOk/kDuplicate leaves nothing behind (it runs in its own savepoint, or,
// like post_message, refuses before it writes) and the job may go on. A call
// that throws Error may leave part of its writes: let the exception leave the
// job, and the Writer rolls the whole job back while the other jobs of the
// group still commit.
//
// Every call checks its own authorisation rules inside the transaction, so the
// check and the change cannot race. Not thread-safe: writer thread only.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "storage/types.hpp"

namespace SQLite {
class Database;
}

namespace praxis::storage {

class WriteTxn {
 public:
  explicit WriteTxn(SQLite::Database& db);
  ~WriteTxn();
  WriteTxn(const WriteTxn&) = delete;
  WriteTxn& operator=(const WriteTxn&) = delete;

  // ---- accounts ----
  // kConflict if the e-mail is taken. Fills user.id and created_at on kOk.
  Status create_user(User& user);
  // Replaces the user's display name, institution, country, languages and
  // time zone (not the e-mail). kNotFound if no such user.
  Status update_profile(Id user_id, const UserProfile& profile);
  // Stores sha256(token) for user; expires_at 0 = never.
  Status create_session(const std::string& token_hash, Id user_id, Millis now, Millis expires_at);
  // kNotFound if no such unrevoked session. revoked_at is the system time.
  Status revoke_session(const std::string& token_hash);
  // Fills inv.id (and created_at if 0). kConflict if the token hash exists.
  // expires_at 0 = never. created_by 0 = nobody (stored as NULL).
  Status create_invitation(Invitation& inv, const std::string& token_hash);
  // Marks the invitation used if it exists, is unused and unexpired at `now`.
  // kForbidden otherwise. On kOk fills `inv`.
  Status consume_invitation(const std::string& token_hash, Millis now, Invitation& inv);
  // One-time setup token (only one kept). consume: kForbidden unless it matches.
  Status set_setup_token(const std::string& token_hash);
  Status consume_setup_token(const std::string& token_hash);

  // ---- rooms ----
  // Creates the room and makes `creator` its owner. kTooManyRooms when the
  // creator is already in max_rooms rooms. Fills room.id/created_at.
  Status create_room(Room& room, std::int64_t max_rooms);
  // Open room: any user may join; private: kForbidden; no such room:
  // kNotFound. kOk if already a member. New members (here and in add_member)
  // start with read_seq = last_seq: earlier history does not count as unread.
  Status join_room(Id room_id, Id user_id, std::int64_t max_rooms, Millis now);
  // kNotFound if not a member.
  Status leave_room(Id room_id, Id user_id);
  // actor must be owner/moderator of the room (kForbidden), user must exist
  // (kNotFound); kOk also if already a member.
  Status add_member(Id room_id, Id actor, Id user_id, std::int64_t max_rooms, Millis now);
  // Moves the read marker forward (never back, never past last_seq).
  // kForbidden if not a member. Returns the marker now stored in *read_seq.
  Status mark_read(Id room_id, Id user_id, Seq seq, Seq* read_seq);

  // ---- room events: all need the actor to be a member (kForbidden) ----
  // Assigns the next seq. Same (room, author, non-empty cmid) as an earlier
  // post: kDuplicate with the earlier event. reply_to must name a message event
  // of the room (kNotFound).
  EventResult post_message(const NewMessage& m);
  // Author only (kForbidden); target must be a non-deleted message (kNotFound).
  EventResult edit_message(Id room_id, Id actor, Seq target, const std::string& text, Millis now);
  // Author or room owner/moderator (kForbidden); erases the text of the message
  // and of its edit events. kNotFound if no such message or already deleted.
  EventResult delete_message(Id room_id, Id actor, Seq target, Millis now);
  // kUnchanged if the reaction is already in that state (no event).
  EventResult react(Id room_id, Id actor, Seq target, const std::string& emoji, bool on,
                    Millis now);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace praxis::storage
