#include "server/wire.hpp"

namespace praxis::server {
namespace {

const char* kind_name(storage::EventKind k) {
  switch (k) {
    case storage::EventKind::kMessage:
      return "message";
    case storage::EventKind::kEdit:
      return "edit";
    case storage::EventKind::kDelete:
      return "delete";
    case storage::EventKind::kReaction:
      return "reaction";
  }
  return "message";
}

}  // namespace

const char* role_name(storage::RoomRole role) {
  switch (role) {
    case storage::RoomRole::kOwner:
      return "owner";
    case storage::RoomRole::kModerator:
      return "moderator";
    case storage::RoomRole::kMember:
      return "member";
  }
  return "member";
}

protocol::UserInfo to_wire(const storage::User& u, bool with_email) {
  protocol::UserInfo w;
  w.id = u.id;
  if (with_email) w.email = u.profile.email;
  w.display_name = u.profile.display_name;
  w.institution = u.profile.institution;
  w.country = u.profile.country;
  w.languages = u.profile.languages;
  w.time_zone = u.profile.time_zone;
  w.role = u.role == storage::UserRole::kAdmin ? "admin" : "member";
  return w;
}

protocol::EventInfo to_wire(const storage::Event& e) {
  protocol::EventInfo w;
  w.room = e.room_id;
  w.seq = e.seq;
  w.kind = kind_name(e.kind);
  w.by = e.by;
  w.at = e.at;
  w.author_name = e.author_name;
  w.text = e.text;
  w.lang = e.lang;
  w.reply_to = e.reply_to;
  w.mentions = e.mentions;
  w.cmid = e.cmid;
  w.target = e.target;
  w.emoji = e.emoji;
  w.on = e.on;
  return w;
}

protocol::MessageInfo to_wire(const storage::Message& m) {
  return protocol::MessageInfo{m.seq,      m.by,       m.author_name, m.at,      m.text,     m.lang,
                               m.reply_to, m.mentions, m.edited_at,   m.deleted, m.reactions};
}

protocol::MemberInfo to_wire(const storage::Member& m, bool online) {
  return protocol::MemberInfo{m.user_id, m.display_name,    m.institution,
                              m.country, role_name(m.role), online};
}

protocol::RoomInfo to_wire(const storage::RoomView& v, std::vector<storage::Id> online) {
  protocol::RoomInfo w;
  w.id = v.room.id;
  w.name = v.room.name;
  w.topic = v.room.topic;
  w.visibility = v.room.visibility == storage::Visibility::kOpen ? "open" : "private";
  w.last_seq = v.room.last_seq;
  w.member = v.membership.has_value();
  if (v.membership) {
    w.role = role_name(v.membership->role);
    w.read_seq = v.membership->read_seq;
    w.unread = v.unread;
    w.mentions = v.mentions;
    w.online = std::move(online);
  }
  return w;
}

}  // namespace praxis::server
