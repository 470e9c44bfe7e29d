// Private to storage/: column lists and the functions that turn a result row
// into a record. A query selecting PRAXIS_X_COLUMNS first is read by read_x.
#pragma once

#include "storage/statements.hpp"
#include "storage/types.hpp"

// users AS u
#define PRAXIS_USER_COLUMNS                                                             \
  "u.id, u.email, u.display_name, u.institution, u.country, u.languages, u.time_zone, " \
  "u.role, u.password_hash, u.created_at"
// invitations AS i
#define PRAXIS_INVITATION_COLUMNS \
  "i.id, i.email, i.role, i.created_by, i.created_at, i.expires_at, i.used_at"
// rooms AS r
#define PRAXIS_ROOM_COLUMNS \
  "r.id, r.kind, r.name, r.topic, r.visibility, r.created_by, r.created_at, r.last_seq"
// events AS e JOIN users AS u ON u.id = e.user_id
#define PRAXIS_EVENT_COLUMNS                                                                \
  "e.room_id, e.seq, e.kind, e.user_id, e.at, u.display_name, e.text, e.lang, e.reply_to, " \
  "e.mentions, e.cmid, e.target, e.emoji, e.reaction_on"
// events AS e JOIN users AS u ON u.id = e.user_id, message rows only
#define PRAXIS_MESSAGE_COLUMNS                                                       \
  "e.seq, e.user_id, u.display_name, e.at, e.text, e.lang, e.reply_to, e.mentions, " \
  "e.edited_at, e.deleted_at"

namespace praxis::storage::detail {

inline constexpr int kUserColumnCount = 10;
inline constexpr int kRoomColumnCount = 8;

User read_user(const Query& q);
Invitation read_invitation(const Query& q);
Room read_room(const Query& q);
Event read_event(const Query& q);
Message read_message(const Query& q);

}  // namespace praxis::storage::detail
