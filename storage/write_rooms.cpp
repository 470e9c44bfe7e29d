// WriteTxn: rooms and memberships.
#include "storage/codec.hpp"
#include "storage/write_txn.hpp"
#include "storage/write_txn_impl.hpp"

namespace praxis::storage {

namespace {

constexpr char kInsertRoom[] =
    "INSERT INTO rooms(kind, name, topic, visibility, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectRoomHead[] = "SELECT visibility, last_seq FROM rooms WHERE id = ?";
constexpr char kDeleteMember[] = "DELETE FROM room_members WHERE room_id = ? AND user_id = ?";
constexpr char kUpdateReadSeq[] =
    "UPDATE room_members SET read_seq = ? WHERE room_id = ? AND user_id = ?";
constexpr char kSelectReadSeq[] =
    "SELECT m.read_seq, r.last_seq FROM room_members AS m JOIN rooms AS r ON r.id = m.room_id "
    "WHERE m.room_id = ? AND m.user_id = ?";

}  // namespace

using detail::Query;

namespace {

struct RoomHead {
  Visibility visibility = Visibility::kOpen;
  Seq last_seq = 0;
};

std::optional<RoomHead> room_head(detail::StatementCache& c, Id room_id) {
  Query q(c, kSelectRoomHead, room_id);
  if (!q.step()) return std::nullopt;
  return RoomHead{detail::visibility_from(q.str(0)), q.i64(1)};
}

}  // namespace

Status WriteTxn::create_room(Room& room, std::int64_t max_rooms) {
  return impl_->guarded("create_room", [&] {
    if (!impl_->user_exists(room.created_by)) return Status::kNotFound;
    if (impl_->room_count(room.created_by) >= max_rooms) return Status::kTooManyRooms;
    if (room.created_at == 0) room.created_at = detail::now_millis();
    Query(impl_->cache, kInsertRoom, room.kind, room.name, room.topic,
          detail::to_text(room.visibility), room.created_by, room.created_at)
        .exec();
    room.id = impl_->cache.db().getLastInsertRowid();
    room.last_seq = 0;
    impl_->insert_member(room.id, room.created_by, RoomRole::kOwner, room.created_at, 0);
    return Status::kOk;
  });
}

// New members start with everything before they joined marked read.
Status WriteTxn::join_room(Id room_id, Id user_id, std::int64_t max_rooms, Millis now) {
  return impl_->guarded("join_room", [&] {
    auto head = room_head(impl_->cache, room_id);
    if (!head) return Status::kNotFound;
    if (impl_->actor(room_id, user_id)) return Status::kOk;
    if (head->visibility != Visibility::kOpen) return Status::kForbidden;
    if (!impl_->user_exists(user_id)) return Status::kNotFound;
    if (impl_->room_count(user_id) >= max_rooms) return Status::kTooManyRooms;
    impl_->insert_member(room_id, user_id, RoomRole::kMember, now, head->last_seq);
    return Status::kOk;
  });
}

Status WriteTxn::leave_room(Id room_id, Id user_id) {
  return impl_->guarded("leave_room", [&] {
    int changed = Query(impl_->cache, kDeleteMember, room_id, user_id).exec();
    return changed == 0 ? Status::kNotFound : Status::kOk;
  });
}

Status WriteTxn::add_member(Id room_id, Id actor, Id user_id, std::int64_t max_rooms, Millis now) {
  return impl_->guarded("add_member", [&] {
    auto head = room_head(impl_->cache, room_id);
    if (!head) return Status::kNotFound;
    auto a = impl_->actor(room_id, actor);
    if (!a || a->role == RoomRole::kMember) return Status::kForbidden;
    if (!impl_->user_exists(user_id)) return Status::kNotFound;
    if (impl_->actor(room_id, user_id)) return Status::kOk;
    if (impl_->room_count(user_id) >= max_rooms) return Status::kTooManyRooms;
    impl_->insert_member(room_id, user_id, RoomRole::kMember, now, head->last_seq);
    return Status::kOk;
  });
}

Status WriteTxn::mark_read(Id room_id, Id user_id, Seq seq, Seq* read_seq) {
  return impl_->guarded("mark_read", [&] {
    Query q(impl_->cache, kSelectReadSeq, room_id, user_id);
    if (!q.step()) return Status::kForbidden;
    Seq stored = q.i64(0);
    Seq wanted = std::max(stored, std::min(seq, q.i64(1)));
    if (wanted != stored) Query(impl_->cache, kUpdateReadSeq, wanted, room_id, user_id).exec();
    if (read_seq) *read_seq = wanted;
    return Status::kOk;
  });
}

}  // namespace praxis::storage
