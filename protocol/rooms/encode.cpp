// Encoding of the rooms server messages and event bodies (protocol/rooms/rooms.md).
#include "protocol/core/json_object.hpp"
#include "protocol/rooms/messages.hpp"

namespace praxis::protocol::rooms {
namespace {

Json optional_seq(const std::optional<Seq>& s) { return s ? Json(*s) : Json(nullptr); }
Json optional_cursor(const std::optional<Cursor>& c) {
  return c ? Json(to_string(*c)) : Json(nullptr);
}

}  // namespace

void to_json(Json& j, const RoomInfo& r) {
  j = {{"id", r.id},
       {"name", r.name},
       {"topic", r.topic},
       {"visibility", r.visibility},
       {"last_seq", r.last_seq},
       {"member", r.member}};
  if (r.archived) j["archived"] = true;
  if (r.member) {
    j["role"] = r.role;
    j["read_seq"] = r.read_seq;
    j["unread"] = r.unread;
    j["mentions"] = r.mentions;
    j["online"] = r.online;
  }
}

void to_json(Json& j, const MemberInfo& m) {
  j = {{"user", m.user},
       {"display_name", m.display_name},
       {"institution", m.institution},
       {"country", m.country},
       {"role", m.role},
       {"online", m.online}};
}

void to_json(Json& j, const MessageInfo& m) {
  // NOTE: an array of pairs, not an object keyed by emoji, would be safer for
  // clients, but v1 clients read an object; emoji are checked on the way in.
  Json reactions = Json::object();
  for (const auto& [emoji, users] : m.reactions) reactions[emoji] = users;
  j = {{"seq", m.seq},
       {"by", m.by},
       {"author_name", m.author_name},
       {"at", m.at},
       {"text", m.text},
       {"lang", m.lang},
       {"reply_to", optional_seq(m.reply_to)},
       {"mentions", m.mentions},
       {"edited_at", m.edited_at ? Json(*m.edited_at) : Json(nullptr)},
       {"deleted", m.deleted},
       {"reactions", reactions}};
}

void to_json(Json& j, const Rooms& m) {
  j = envelope(Rooms::kType, m.rid);
  j["rooms"] = m.rooms;
  j["next"] = optional_cursor(m.next);
}

void to_json(Json& j, const RoomReply& m) {
  j = envelope(RoomReply::kType, m.rid);
  j["room"] = m.room;
}

void to_json(Json& j, const Left& m) {
  j = envelope(Left::kType, m.rid);
  j["room"] = m.room;
}

void to_json(Json& j, const Members& m) {
  j = envelope(Members::kType, m.rid);
  j["room"] = m.room;
  j["members"] = m.members;
  j["next"] = optional_cursor(m.next);
}

void to_json(Json& j, const RoomAck& m) {
  j = envelope(RoomAck::kType, m.rid);
  j["room"] = m.room;
  j["stream"] = m.room;  // a room's stream id is its room id
  j["seq"] = m.seq;
  if (!m.cmid.empty()) j["cmid"] = m.cmid;
}

void to_json(Json& j, const HistoryReply& m) {
  j = envelope(HistoryReply::kType, m.rid);
  j["room"] = m.room;
  j["messages"] = m.messages;
  j["has_more"] = m.has_more;
}

void to_json(Json& j, const ReadMarker& m) {
  j = envelope(ReadMarker::kType, m.rid);
  j["room"] = m.room;
  j["read_seq"] = m.read_seq;
  j["unread"] = m.unread;
  j["mentions"] = m.mentions;
}

void to_json(Json& j, const TypingNotice& m) {
  j = envelope(TypingNotice::kType);
  j["room"] = m.room;
  j["stream"] = m.room;
  j["user"] = m.user;
  j["display_name"] = m.display_name;
}

void to_json(Json& j, const Presence& m) {
  j = envelope(Presence::kType);
  j["room"] = m.room;
  j["stream"] = m.room;
  j["user"] = m.user;
  j["online"] = m.online;
}

// Keys in sorted order: the bytes nlohmann's sorted object would give.
std::string body(const MessageEvent& e) {
  return JsonObject()
      .add("at", e.at)
      .add("author_name", e.author_name)
      .add("by", e.by)
      .add("cmid", e.cmid)
      .add("kind", "message")
      .add("lang", e.lang)
      .add("mentions", e.mentions)
      .add("reply_to", e.reply_to)
      .add("room", e.room)
      .add("text", e.text)
      .finish();
}

std::string body(const ChangeEvent& e) {
  JsonObject j;
  j.add("at", e.at).add("by", e.by);
  if (e.kind == "reaction") j.add("emoji", e.emoji);
  j.add("kind", e.kind);
  if (e.kind == "reaction") j.add("on", e.on);
  j.add("room", e.room).add("target", e.target);
  if (e.kind == "edit") j.add("text", e.text);
  return j.finish();
}

}  // namespace praxis::protocol::rooms
