// The "room" stream kind: who may read a room's stream, which rooms a
// connection gets at hello, and presence.
#include "server/core/delivery.hpp"
#include "server/core/live.hpp"
#include "server/core/registry.hpp"
#include "server/rooms/handlers.hpp"
#include "storage/rooms/queries.hpp"

namespace praxis::server::rooms {

StreamPolicy room_policy() {
  StreamPolicy p;
  // Members read their rooms; anyone may look into an open room; admins
  // moderate (so read) every room.
  p.may_read = [](storage::Reader& r, const Principal& who, Id stream) {
    storage::rooms::Queries q(r);
    auto room = q.room(stream);
    if (!room) return false;
    return room->visibility == storage::rooms::Visibility::kOpen || who.admin ||
           q.membership(stream, who.user).has_value();
  };
  p.standing = [](storage::Reader& r, const Principal& who) {
    return storage::rooms::Queries(r).member_room_ids(who.user);
  };
  p.presence = [](Live& live, Id stream, Id user, bool present) {
    live.broadcast_gathered(stream,
                            protocol::encode(protocol::rooms::Presence{stream, user, present}));
  };
  p.alias = "room";
  return p;
}

}  // namespace praxis::server::rooms
