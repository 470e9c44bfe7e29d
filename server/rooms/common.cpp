#include "server/core/delivery.hpp"
#include "server/rooms/handlers.hpp"
#include "server/rooms/wire.hpp"
#include "storage/rooms/queries.hpp"

namespace praxis::server::rooms {

using protocol::ErrorCode;
using storage::Status;

bool refused(Context& c, Status status) {
  switch (status) {
    case Status::kNotFound:
      c.fail(ErrorCode::kNotFound, "no such room, message or user");
      return true;
    case Status::kForbidden:
      c.fail(ErrorCode::kForbidden, "not allowed in this room");
      return true;
    case Status::kConflict:
      c.fail(ErrorCode::kConflict, "not in this state (an owner hands the room over first)");
      return true;
    case Status::kLimitReached:
      c.fail(ErrorCode::kTooManyRooms, "a room limit is reached");
      return true;
    case Status::kReadOnly:
      c.fail(ErrorCode::kConflict, "this room is archived: it is read-only");
      return true;
    default:
      return false;
  }
}

void send_room(Services& s, Connection& c, const nlohmann::json& rid, Id room) {
  auto view = s.read(
      [&](storage::Reader& r) { return storage::rooms::Queries(r).room_view(room, c.user_id()); });
  if (!view) return send_error(c, rid, ErrorCode::kNotFound, "no such room");
  send_message(c, protocol::rooms::RoomReply{rid, to_wire(*view, s.live().present(room))});
}

void push_room(Context& ctx, Id user, Id room) {
  Services s = ctx;
  auto* requester = &ctx.connection();
  auto rid = ctx.rid();
  s.live().to_user(user, [s, requester, rid, room](Connection& c) mutable {
    send_room(s, c, &c == requester ? rid : nlohmann::json(), room);
  });
}

void announce_open_room(Context& c, Id room, const std::vector<Id>& except) {
  Services s = c;
  auto view = s.read([&](storage::Reader& r) {
    return storage::rooms::Queries(r).room_view(room, /*user_id=*/0);
  });
  if (!view || view->room.visibility != storage::rooms::Visibility::kOpen) return;
  s.live().to_everyone(make_payload(protocol::encode(protocol::rooms::RoomReply{
                           nullptr, to_wire(*view, s.live().present(room))})),
                       except);
}

bool allowed(Context& c, RateLimiter& limiter) {
  if (limiter.allow(c.user())) return true;
  c.fail(ErrorCode::kRateLimited, "too many requests; slow down");
  return false;
}

}  // namespace praxis::server::rooms
