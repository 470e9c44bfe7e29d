// Private to storage/rooms: column lists and row readers, and the text of the
// enums. A query selecting PRAXIS_X_COLUMNS first is read by read_x.
#pragma once

#include <string_view>

#include "storage/core/statements.hpp"
#include "storage/rooms/types.hpp"

// rooms AS r JOIN streams AS s ON s.id = r.id
#define PRAXIS_ROOM_COLUMNS \
  "r.id, r.name, r.topic, r.visibility, r.created_by, r.created_at, s.last_seq, r.archived_at"
// room_messages AS m JOIN users AS u ON u.id = m.author_id. What a post
// fixed (time, language, reply, mentions; the text until it is changed) is its
// log body's (schema steps 6 and 7): read_message leaves it to read_posted.
#define PRAXIS_MESSAGE_COLUMNS \
  "m.seq, m.author_id, u.display_name, m.changed_text, m.edited_at, m.deleted_at"

namespace praxis::storage::rooms::detail {

inline constexpr int kRoomColumnCount = 8;

RoomRole room_role_from(std::string_view s);
Visibility visibility_from(std::string_view s);
Room read_room(const storage::detail::Query& q);
// A PRAXIS_MESSAGE_COLUMNS row: the message, and whether its text is still
// to be read from its log body (changed_text NULL).
struct MessageRow {
  Message message;
  bool text_in_log = false;
};
MessageRow read_message(const storage::detail::Query& q);
// Completes a row from its message's log event (`at` and body).
void read_posted(MessageRow& row, Millis at, std::string_view body);

}  // namespace praxis::storage::rooms::detail
