// Read-only room queries on a borrowed Reader (storage/core/reader.hpp); same
// thread rules. Nothing throws for "not found"; SQLite errors are thrown as
// storage::Error. Every list is a page: at most `limit` items after a
// position, with has_more telling whether more follow.
#pragma once

#include <optional>
#include <vector>

#include "storage/rooms/types.hpp"

namespace praxis::storage {
class Reader;
}

namespace praxis::storage::rooms {

class Queries {
 public:
  explicit Queries(Reader& r) : r_(r) {}

  std::optional<Room> room(Id room_id);
  std::optional<Membership> membership(Id room_id, Id user_id);
  // Rooms the user is a member of plus every open room (with every_room, all
  // rooms: private ones the user is not in too, membership empty), ordered by
  // name, id, after `after` (none: from the start); unread counts filled in.
  // The caller decides who may have every_room.
  Page<RoomView> rooms_for(Id user_id, const std::optional<After>& after, std::int64_t limit,
                           bool every_room = false);
  // Any existing room, private ones too (membership empty if not a member):
  // the caller decides what the user may see.
  std::optional<RoomView> room_view(Id room_id, Id user_id);
  std::vector<Id> member_room_ids(Id user_id);  // ascending
  // Members ordered by display name, user id, after `after` (name, user id).
  Page<Member> members(Id room_id, const std::optional<After>& after, std::int64_t limit);

  // Messages (current state) in ascending seq order: the newest `limit` with
  // seq < before (before <= 0: newest overall), or the oldest `limit` with
  // seq > after.
  Page<Message> messages_before(Id room_id, Seq before, std::int64_t limit);
  Page<Message> messages_after(Id room_id, Seq after, std::int64_t limit);
  // read_seq, unread and mentions as in RoomView, for a member (zeros if not).
  Unread unread(Id room_id, Id user_id);

 private:
  Reader& r_;
};

}  // namespace praxis::storage::rooms
