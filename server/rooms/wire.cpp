#include "server/rooms/wire.hpp"

namespace praxis::server::rooms {
namespace {

std::string message_body(const storage::rooms::MessageFacts& f) {
  return protocol::rooms::body(protocol::rooms::MessageEvent{
      f.room, f.by, f.at, f.author_name, f.text, f.lang, f.reply_to, f.mentions, f.cmid});
}

std::string change_body(const storage::rooms::ChangeFacts& f) {
  return protocol::rooms::body(
      protocol::rooms::ChangeEvent{f.kind, f.room, f.by, f.at, f.target, f.text, f.emoji, f.on});
}

std::string redacted_body(const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object()) return body;
  if (j.contains("text")) j["text"] = "";
  return protocol::dump(j);
}

}  // namespace

protocol::rooms::MessageInfo to_wire(const storage::rooms::Message& m) {
  return protocol::rooms::MessageInfo{m.seq,       m.by,      m.author_name, m.at,
                                      m.text,      m.lang,    m.reply_to,    m.mentions,
                                      m.edited_at, m.deleted, m.reactions};
}

protocol::rooms::MemberInfo to_wire(const storage::rooms::Member& m, bool online) {
  return protocol::rooms::MemberInfo{
      m.user_id, m.display_name, m.institution, m.country, storage::rooms::to_text(m.role), online};
}

protocol::rooms::RoomInfo to_wire(const storage::rooms::RoomView& v,
                                  std::vector<storage::Id> online) {
  protocol::rooms::RoomInfo w;
  w.id = v.room.id;
  w.name = v.room.name;
  w.topic = v.room.topic;
  w.visibility = storage::rooms::to_text(v.room.visibility);
  w.last_seq = v.room.last_seq;
  w.archived = v.room.archived_at.has_value();
  w.member = v.membership.has_value();
  if (v.membership) {
    w.role = storage::rooms::to_text(v.membership->role);
    w.read_seq = v.membership->read_seq;
    w.unread = v.unread;
    w.mentions = v.mentions;
    w.online = std::move(online);
  }
  return w;
}

std::optional<storage::rooms::After> to_after(const std::optional<protocol::rooms::Cursor>& c) {
  if (!c) return std::nullopt;
  return storage::rooms::After{c->name, c->id};
}

const storage::rooms::Bodies& bodies() {
  static const storage::rooms::Bodies b{&message_body, &change_body, &redacted_body};
  return b;
}

}  // namespace praxis::server::rooms
