#include "storage/rooms/rows.hpp"

#include <array>

#include "storage/core/body_json.hpp"
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
  r.archived_at = q.opt_i64(7);
  return r;
}

MessageRow read_message(const Query& q) {
  MessageRow row;
  auto& m = row.message;
  m.seq = q.i64(0);
  m.by = q.i64(1);
  m.author_name = q.str(2);
  row.text_in_log = q.is_null(3);
  if (!row.text_in_log) m.text = q.str(3);
  m.edited_at = q.opt_i64(4);
  m.deleted = q.opt_i64(5).has_value();
  return row;
}

void read_posted(MessageRow& row, Millis at, std::string_view body) {
  auto& m = row.message;
  m.at = at;
  storage::detail::read_body(body, [&](simdjson::ondemand::object& o) {
    for (auto field : o) {
      const std::string_view key = field.unescaped_key();
      auto value = field.value();
      if (key == "lang") {
        m.lang = std::string(std::string_view(value.get_string()));
      } else if (key == "reply_to") {
        if (value.type() != simdjson::ondemand::json_type::null) m.reply_to = value.get_int64();
      } else if (key == "mentions") {
        for (auto id : value.get_array()) m.mentions.push_back(id.get_int64());
      } else if (key == "text" && row.text_in_log) {
        m.text = std::string(std::string_view(value.get_string()));
        row.text_in_log = false;
      }
    }
  });
  if (row.text_in_log) throw Error("message body without its text");
}

}  // namespace detail
}  // namespace praxis::storage::rooms
