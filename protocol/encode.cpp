// Encoding of server messages (PROTOCOL.md 2, "Server -> client").
#include <string>

#include "protocol/codec.hpp"

namespace praxis::protocol {
namespace {

using Json = nlohmann::json;

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

Json optional_seq(const std::optional<Seq>& s) { return s ? Json(*s) : Json(nullptr); }

Json envelope(const char* type, const Json& rid = nullptr) {
  Json j = {{"type", type}};
  if (!rid.is_null()) j["rid"] = rid;
  return j;
}

Json room_json(const RoomInfo& r) {
  Json j = {{"id", r.id},
            {"name", r.name},
            {"topic", r.topic},
            {"visibility", r.visibility},
            {"last_seq", r.last_seq},
            {"member", r.member}};
  if (r.member) {
    j["role"] = r.role;
    j["read_seq"] = r.read_seq;
    j["unread"] = r.unread;
    j["mentions"] = r.mentions;
    j["online"] = r.online;
  }
  return j;
}

Json event_json(const EventInfo& e) {
  Json j = {{"type", "event"}, {"room", e.room}, {"seq", e.seq},
            {"kind", e.kind},  {"by", e.by},     {"at", e.at}};
  if (e.kind == "message") {
    j["author_name"] = e.author_name;
    j["text"] = e.text;
    j["lang"] = e.lang;
    j["reply_to"] = optional_seq(e.reply_to);
    j["mentions"] = e.mentions;
    j["cmid"] = e.cmid;
    return j;
  }
  j["target"] = e.target;
  if (e.kind == "edit") j["text"] = e.text;
  if (e.kind == "reaction") {
    j["emoji"] = e.emoji;
    j["on"] = e.on;
  }
  return j;
}

Json message_json(const MessageInfo& m) {
  Json reactions = Json::object();
  for (const auto& [emoji, users] : m.reactions) reactions[emoji] = users;
  return {{"seq", m.seq},
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

Json seq_map(const std::map<Id, Seq>& rooms) {
  Json j = Json::object();
  for (const auto& [room, seq] : rooms) j[std::to_string(room)] = seq;
  return j;
}

Json to_json_value(const ServerMessage& message) {
  return std::visit(Overloaded{
                        [](const Welcome& m) {
                          Json j = envelope("welcome");
                          j["version"] = kProtocolVersion;
                          j["user"] = m.user;
                          j["limits"] = {{"max_frame_bytes", m.limits.max_frame_bytes},
                                         {"max_text_chars", m.limits.max_text_chars},
                                         {"history_page_max", m.limits.history_page_max}};
                          return j;
                        },
                        [](const Rooms& m) {
                          Json j = envelope("rooms", m.rid);
                          j["rooms"] = Json::array();
                          for (const auto& r : m.rooms) j["rooms"].push_back(room_json(r));
                          return j;
                        },
                        [](const RoomReply& m) {
                          Json j = envelope("room", m.rid);
                          j["room"] = room_json(m.room);
                          return j;
                        },
                        [](const Left& m) {
                          Json j = envelope("left", m.rid);
                          j["room"] = m.room;
                          return j;
                        },
                        [](const Members& m) {
                          Json j = envelope("members", m.rid);
                          j["room"] = m.room;
                          j["members"] = Json::array();
                          for (const auto& u : m.members) {
                            j["members"].push_back({{"user", u.user},
                                                    {"display_name", u.display_name},
                                                    {"institution", u.institution},
                                                    {"country", u.country},
                                                    {"role", u.role},
                                                    {"online", u.online}});
                          }
                          return j;
                        },
                        [](const Ack& m) {
                          Json j = envelope("ack", m.rid);
                          j["room"] = m.room;
                          j["seq"] = m.seq;
                          if (!m.cmid.empty()) j["cmid"] = m.cmid;
                          return j;
                        },
                        [](const EventMessage& m) { return event_json(m.event); },
                        [](const HistoryReply& m) {
                          Json j = envelope("history", m.rid);
                          j["room"] = m.room;
                          j["messages"] = Json::array();
                          for (const auto& msg : m.messages)
                            j["messages"].push_back(message_json(msg));
                          j["has_more"] = m.has_more;
                          return j;
                        },
                        [](const ReadMarker& m) {
                          Json j = envelope("read_marker", m.rid);
                          j["room"] = m.room;
                          j["read_seq"] = m.read_seq;
                          j["unread"] = m.unread;
                          j["mentions"] = m.mentions;
                          return j;
                        },
                        [](const TypingNotice& m) {
                          Json j = envelope("typing");
                          j["room"] = m.room;
                          j["user"] = m.user;
                          j["display_name"] = m.display_name;
                          return j;
                        },
                        [](const Presence& m) {
                          Json j = envelope("presence");
                          j["room"] = m.room;
                          j["user"] = m.user;
                          j["online"] = m.online;
                          return j;
                        },
                        [](const Synced& m) {
                          Json j = envelope("synced");
                          j["rooms"] = seq_map(m.rooms);
                          return j;
                        },
                        [](const Resync& m) {
                          Json j = envelope("resync");
                          j["room"] = m.room;
                          j["last_seq"] = m.last_seq;
                          return j;
                        },
                        [](const Pong& m) { return envelope("pong", m.rid); },
                        [](const ErrorReply& m) {
                          Json j = envelope("error", m.rid);
                          j["code"] = to_string(m.error.code);
                          j["message"] = m.error.message;
                          return j;
                        },
                    },
                    message);
}

}  // namespace

void to_json(nlohmann::json& j, const UserInfo& u) {
  j = {{"id", u.id},           {"display_name", u.display_name}, {"institution", u.institution},
       {"country", u.country}, {"languages", u.languages},       {"time_zone", u.time_zone},
       {"role", u.role}};
  if (u.email) j["email"] = *u.email;
}

std::string encode(const ServerMessage& message) {
  // replace: stored text is validated on the way in, but never let a bad byte
  // turn an encode into an exception.
  return to_json_value(message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace praxis::protocol
