#include "storage/rows.hpp"

#include "storage/codec.hpp"

namespace praxis::storage::detail {

User read_user(const Query& q) {
  User u;
  u.id = q.i64(0);
  u.profile.email = q.str(1);
  u.profile.display_name = q.str(2);
  u.profile.institution = q.str(3);
  u.profile.country = q.str(4);
  u.profile.languages = strings_from_json(q.str(5));
  u.profile.time_zone = q.str(6);
  u.role = user_role_from(q.str(7));
  u.password_hash = q.str(8);
  u.created_at = q.i64(9);
  return u;
}

Invitation read_invitation(const Query& q) {
  Invitation i;
  i.id = q.i64(0);
  i.email = q.str(1);
  i.role = user_role_from(q.str(2));
  i.created_by = q.opt_i64(3).value_or(0);
  i.created_at = q.i64(4);
  i.expires_at = q.i64(5);
  i.used = q.opt_i64(6).has_value();
  return i;
}

Room read_room(const Query& q) {
  Room r;
  r.id = q.i64(0);
  r.kind = q.str(1);
  r.name = q.str(2);
  r.topic = q.str(3);
  r.visibility = visibility_from(q.str(4));
  r.created_by = q.i64(5);
  r.created_at = q.i64(6);
  r.last_seq = q.i64(7);
  return r;
}

Event read_event(const Query& q) {
  Event e;
  e.room_id = q.i64(0);
  e.seq = q.i64(1);
  e.kind = event_kind_from(q.str(2));
  e.by = q.i64(3);
  e.at = q.i64(4);
  e.author_name = q.str(5);
  e.text = q.str(6);
  e.lang = q.str(7);
  e.reply_to = q.opt_i64(8);
  e.mentions = ids_from_json(q.str(9));
  e.cmid = q.str(10);
  e.target = q.i64(11);
  e.emoji = q.str(12);
  e.on = q.i64(13) != 0;
  return e;
}

Message read_message(const Query& q) {
  Message m;
  m.seq = q.i64(0);
  m.by = q.i64(1);
  m.author_name = q.str(2);
  m.at = q.i64(3);
  m.text = q.str(4);
  m.lang = q.str(5);
  m.reply_to = q.opt_i64(6);
  m.mentions = ids_from_json(q.str(7));
  m.edited_at = q.opt_i64(8);
  m.deleted = q.opt_i64(9).has_value();
  return m;
}

}  // namespace praxis::storage::detail
