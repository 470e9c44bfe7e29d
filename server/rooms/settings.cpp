// room_update: a room's name, topic and archiving (an archived room is
// read-only: storage refuses its events, joins and invitations). Not an event
// of the room's stream: after the commit every member's connections hear
// their view of the room (the requester's with its rid), and for an open room
// everyone else connected hears it as a non-member sees it.
#include <algorithm>

#include "server/core/registry.hpp"
#include "server/rooms/handlers.hpp"
#include "server/rooms/wire.hpp"
#include "storage/rooms/writes.hpp"

namespace praxis::server::rooms {
namespace {

namespace pr = protocol::rooms;
using storage::Status;
using storage::rooms::UpdateResult;

void update(Context& c, State& st, const pr::RoomUpdate& m) {
  if (!allowed(c, st.actions)) return;
  c.write<UpdateResult>(
      [m, a = storage::rooms::Actor{c.user(), c.who().admin},
       now = c.clock().now()](storage::Txn& tx) {
        return storage::rooms::Writes(tx, bodies())
            .update_room(m.room, a, {m.name, m.topic, m.archived}, now);
      },
      [room = m.room](Context& c, const UpdateResult& r) {
        if (r.status == Status::kUnchanged) return push_room(c, c.user(), room);
        if (refused(c, r.status)) return;
        auto told = r.members;
        for (Id member : told) push_room(c, member, room);
        // An admin who is not a member hears it too.
        if (!std::binary_search(told.begin(), told.end(), c.user())) {
          push_room(c, c.user(), room);
          told.insert(std::upper_bound(told.begin(), told.end(), c.user()), c.user());
        }
        announce_open_room(c, room, told);
      });
}

}  // namespace

void add_settings(Registry& r, State& st) {
  r.message<pr::RoomUpdate>([&st](Context& c, const pr::RoomUpdate& m) { update(c, st, m); });
}

}  // namespace praxis::server::rooms
