#include "storage/rooms/rows.hpp"

#include <array>

#include "storage/core/codec.hpp"

namespace praxis::storage::rooms {

namespace {
constexpr std::array<const char*, 3> kRoomRoles = {"member", "moderator", "owner"};
constexpr std::array<const char*, 2> kVisibilities = {"open", "private"};
}  // namespace

const char* to_text(RoomRole role) { return storage::detail::enum_text(kRoomRoles, role); }
const char* to_text(Visibility v) { return storage::detail::enum_text(kVisibilities, v); }

namespace detail {

using storage::detail::Query;

RoomRole room_role_from(std::string_view s) {
  return storage::detail::enum_from<RoomRole>(kRoomRoles, s);
}
Visibility visibility_from(std::string_view s) {
  return storage::detail::enum_from<Visibility>(kVisibilities, s);
}

Room read_room(const Query& q) {
  Room r;
  r.id = q.i64(0);
  r.name = q.str(1);
  r.topic = q.str(2);
  r.visibility = visibility_from(q.str(3));
  r.created_by = q.i64(4);
  r.created_at = q.i64(5);
  r.last_seq = q.i64(6);
  return r;
}

MessageRow read_message(const Query& q) {
  MessageRow row;
  auto& m = row.message;
  m.seq = q.i64(0);
  m.by = q.i64(1);
  m.author_name = q.str(2);
  m.at = q.i64(3);
  m.text = q.str(4);
  m.lang = q.str(5);
  m.reply_to = q.opt_i64(6);
  m.mentions = storage::detail::ids_from_json(q.str(7));
  m.edited_at = q.opt_i64(8);
  m.deleted = q.opt_i64(9).has_value();
  row.text_in_log = q.i64(10) != 0;
  return row;
}

}  // namespace detail
}  // namespace praxis::storage::rooms
