#include "server/request_handler.hpp"

#include "protocol/codec.hpp"
#include "server/log.hpp"
#include "server/room_writes.hpp"
#include "server/wire.hpp"

namespace praxis::server {
namespace {

using protocol::ErrorCode;
using Json = nlohmann::json;

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

void hello(Services& sv, const SessionPtr& s, const protocol::Hello& m) {
  if (m.version != protocol::kProtocolVersion) {
    send_error(*s, nullptr, ErrorCode::kVersionMismatch,
               "this server speaks protocol version " + std::to_string(protocol::kProtocolVersion));
    return s->close(protocol::kCloseVersionMismatch, "version mismatch");
  }
  s->greeted = true;
  send_message(*s, protocol::Welcome{to_wire(s->identity().user, true), sv.settings.limits});
  auto rooms = sv.store.read([&](storage::Reader& r) { return r.member_room_ids(s->user_id()); });
  for (auto room : rooms) subscribe(sv, s, room);
  start_resume(sv, s, m.resume);
}

// A room the user may look into: a member, or any user for an open room.
bool can_see(Services& sv, Session& s, storage::Id room) {
  if (s.delivered.count(room)) return true;
  auto r = sv.store.read([room](storage::Reader& reader) { return reader.room(room); });
  return r && r->visibility == storage::Visibility::kOpen;
}

void rooms_list(Services& sv, Session& s, const Json& rid) {
  auto views = sv.store.read([&](storage::Reader& r) { return r.rooms_for(s.user_id()); });
  protocol::Rooms out{rid, {}};
  for (const auto& v : views) out.rooms.push_back(to_wire(v, sv.hub.online_users(v.room.id)));
  send_message(s, out);
}

void room_members(Services& sv, Session& s, const Json& rid, storage::Id room) {
  if (!can_see(sv, s, room)) {
    return send_error(s, rid, ErrorCode::kForbidden, "you cannot see this room");
  }
  auto members = sv.store.read([room](storage::Reader& r) { return r.members(room); });
  auto online = sv.hub.online_users(room);
  protocol::Members out{rid, room, {}};
  for (const auto& m : members) {
    const bool on = std::binary_search(online.begin(), online.end(), m.user_id);
    out.members.push_back(to_wire(m, on));
  }
  send_message(s, out);
}

void history(Services& sv, Session& s, const Json& rid, const protocol::History& m) {
  if (!can_see(sv, s, m.room)) {
    return send_error(s, rid, ErrorCode::kForbidden, "you cannot see this room");
  }
  bool has_more = false;
  auto messages = sv.store.read([&](storage::Reader& r) {
    return m.after ? r.messages_after(m.room, *m.after, m.limit, &has_more)
                   : r.messages_before(m.room, m.before.value_or(0), m.limit, &has_more);
  });
  protocol::HistoryReply out{rid, m.room, {}, has_more};
  for (const auto& msg : messages) out.messages.push_back(to_wire(msg));
  send_message(s, out);
}

void typing(Services& sv, const SessionPtr& s, const Json& rid, storage::Id room) {
  if (!s->delivered.count(room)) {
    return send_error(*s, rid, ErrorCode::kForbidden, "not a member of this room");
  }
  auto payload = std::make_shared<const std::string>(protocol::encode(
      protocol::TypingNotice{room, s->user_id(), s->identity().user.profile.display_name}));
  const auto user = s->user_id();
  sv.hub.for_room(room, s.get(), [payload, user](const SessionPtr& other) {
    if (other->user_id() == user) return;
    other->post([other, payload] { other->send(payload); });
  });
}

void dispatch(Services& sv, const SessionPtr& s, const protocol::Request& req) {
  const Json& rid = req.rid;
  std::visit(Overloaded{
                 [&](const protocol::Hello&) {
                   send_error(*s, rid, ErrorCode::kBadField, "hello was already received");
                 },
                 [&](const protocol::RoomsList&) { rooms_list(sv, *s, rid); },
                 [&](const protocol::RoomCreate& m) { write_room_create(sv, s, rid, m); },
                 [&](const protocol::RoomJoin& m) { write_room_join(sv, s, rid, m); },
                 [&](const protocol::RoomLeave& m) { write_room_leave(sv, s, rid, m); },
                 [&](const protocol::RoomInvite& m) { write_room_invite(sv, s, rid, m); },
                 [&](const protocol::RoomMembers& m) { room_members(sv, *s, rid, m.room); },
                 [&](const protocol::Post& m) { write_post(sv, s, rid, m); },
                 [&](const protocol::Edit& m) { write_edit(sv, s, rid, m); },
                 [&](const protocol::Delete& m) { write_delete(sv, s, rid, m); },
                 [&](const protocol::React& m) { write_react(sv, s, rid, m); },
                 [&](const protocol::History& m) { history(sv, *s, rid, m); },
                 [&](const protocol::Read& m) { write_read(sv, s, rid, m); },
                 [&](const protocol::Typing& m) { typing(sv, s, rid, m.room); },
                 [&](const protocol::Ping&) { send_message(*s, protocol::Pong{rid}); },
             },
             req.message);
}

}  // namespace

void handle_frame(Services& sv, const SessionPtr& s, std::string_view frame) {
  auto decoded = protocol::decode_client(frame, sv.settings.limits);
  if (auto* err = std::get_if<protocol::DecodeError>(&decoded)) {
    return send_error(*s, err->rid, err->error.code, err->error.message);
  }
  const auto& req = std::get<protocol::Request>(decoded);
  try {
    if (!s->greeted) {
      if (auto* h = std::get_if<protocol::Hello>(&req.message)) return hello(sv, s, *h);
      return send_error(*s, req.rid, ErrorCode::kHelloRequired, "send hello first");
    }
    dispatch(sv, s, req);
  } catch (const std::exception& e) {
    // NOTE: a failure inside one request never takes the server down: the
    // client hears "internal", with the request's rid, and keeps its connection.
    log::error("request_failed",
               {{"conn", std::to_string(s->identity().conn_id)}, {"what", e.what()}});
    send_error(*s, req.rid, ErrorCode::kInternal, "the server failed");
  }
}

void handle_closed(Services& sv, const SessionPtr& s) {
  for (auto room : sv.hub.remove(s.get())) announce_presence(sv, room, s->user_id(), false);
  s->delivered.clear();
}

}  // namespace praxis::server
