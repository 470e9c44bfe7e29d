// Reader: rooms, memberships and unread counts.
#include "storage/codec.hpp"
#include "storage/reader.hpp"
#include "storage/reader_impl.hpp"
#include "storage/rows.hpp"

namespace praxis::storage {

namespace {

constexpr char kSelectRoom[] = "SELECT " PRAXIS_ROOM_COLUMNS " FROM rooms AS r WHERE r.id = ?";
constexpr char kSelectMembership[] =
    "SELECT room_id, user_id, role, read_seq FROM room_members WHERE room_id = ? AND user_id = ?";
// Room columns, then the user's membership role and read_seq (NULL: not a member).
constexpr char kSelectRoomsFor[] =
    "SELECT " PRAXIS_ROOM_COLUMNS
    ", m.role, m.read_seq FROM rooms AS r "
    "LEFT JOIN room_members AS m ON m.room_id = r.id AND m.user_id = ? "
    "WHERE m.user_id IS NOT NULL OR r.visibility = 'open' ORDER BY r.name, r.id";
constexpr char kSelectRoomView[] =
    "SELECT " PRAXIS_ROOM_COLUMNS
    ", m.role, m.read_seq FROM rooms AS r "
    "LEFT JOIN room_members AS m ON m.room_id = r.id AND m.user_id = ? WHERE r.id = ?";
constexpr char kSelectMemberRoomIds[] =
    "SELECT room_id FROM room_members WHERE user_id = ? ORDER BY room_id";
constexpr char kSelectMembers[] =
    "SELECT m.user_id, u.display_name, u.institution, u.country, m.role "
    "FROM room_members AS m JOIN users AS u ON u.id = m.user_id "
    "WHERE m.room_id = ? ORDER BY u.display_name, m.user_id";
constexpr char kSelectMemberIds[] =
    "SELECT user_id FROM room_members WHERE room_id = ? ORDER BY user_id";
constexpr char kCountRooms[] = "SELECT COUNT(*) FROM room_members WHERE user_id = ?";
constexpr char kSelectReadSeq[] =
    "SELECT read_seq FROM room_members WHERE room_id = ? AND user_id = ?";
// Both counts walk only what they count: the covering message index (SQLite
// would pick the primary key), and the user's mentions first (CROSS JOIN).
constexpr char kCountUnread[] =
    "SELECT COUNT(*) FROM events INDEXED BY events_messages WHERE room_id = ? AND kind = 'message' "
    "AND seq > ? "
    "AND user_id <> ? AND deleted_at IS NULL";
constexpr char kCountMentions[] =
    "SELECT COUNT(*) FROM mentions AS n "
    "CROSS JOIN events AS e ON e.room_id = n.room_id AND e.seq = n.seq "
    "WHERE n.room_id = ? AND n.user_id = ? AND n.seq > ? AND e.user_id <> ? "
    "AND e.deleted_at IS NULL";

Membership read_membership(const detail::Query& q) {
  return Membership{q.i64(0), q.i64(1), detail::room_role_from(q.str(2)), q.i64(3)};
}

Id read_id(const detail::Query& q) { return q.i64(0); }

// Reads a kSelectRoomsFor / kSelectRoomView row (counts are filled later).
RoomView read_room_view(const detail::Query& q, Id user_id) {
  RoomView v;
  v.room = detail::read_room(q);
  if (auto role = q.opt_i64(detail::kRoomColumnCount + 1)) {
    v.membership = Membership{v.room.id, user_id,
                              detail::room_role_from(q.str(detail::kRoomColumnCount)), *role};
  }
  return v;
}

}  // namespace

void Reader::Impl::count_unread(RoomView& v) {
  if (!v.membership) return;
  const auto& m = *v.membership;
  v.unread = count(kCountUnread, m.room_id, m.read_seq, m.user_id);
  v.mentions = count(kCountMentions, m.room_id, m.user_id, m.read_seq, m.user_id);
}

std::optional<Room> Reader::room(Id room_id) {
  return detail::translate("room",
                           [&] { return impl_->one(kSelectRoom, detail::read_room, room_id); });
}

std::optional<Membership> Reader::membership(Id room_id, Id user_id) {
  return detail::translate("membership", [&] {
    return impl_->one(kSelectMembership, read_membership, room_id, user_id);
  });
}

std::vector<RoomView> Reader::rooms_for(Id user_id) {
  return detail::translate("rooms_for", [&] {
    return impl_->snapshot([&] {
      auto read = [&](const detail::Query& q) { return read_room_view(q, user_id); };
      auto views = impl_->all(kSelectRoomsFor, read, user_id);
      for (auto& v : views) impl_->count_unread(v);
      return views;
    });
  });
}

std::optional<RoomView> Reader::room_view(Id room_id, Id user_id) {
  return detail::translate("room_view", [&] {
    return impl_->snapshot([&] {
      auto read = [&](const detail::Query& q) { return read_room_view(q, user_id); };
      auto view = impl_->one(kSelectRoomView, read, user_id, room_id);
      if (view) impl_->count_unread(*view);
      return view;
    });
  });
}

std::vector<Id> Reader::member_room_ids(Id user_id) {
  return detail::translate("member_room_ids",
                           [&] { return impl_->all(kSelectMemberRoomIds, read_id, user_id); });
}

std::vector<Member> Reader::members(Id room_id) {
  return detail::translate("members", [&] {
    auto read = [](const detail::Query& q) {
      return Member{q.i64(0), q.str(1), q.str(2), q.str(3), detail::room_role_from(q.str(4))};
    };
    return impl_->all(kSelectMembers, read, room_id);
  });
}

std::vector<Id> Reader::member_ids(Id room_id) {
  return detail::translate("member_ids",
                           [&] { return impl_->all(kSelectMemberIds, read_id, room_id); });
}

std::int64_t Reader::room_count_for(Id user_id) {
  return detail::translate("room_count_for", [&] { return impl_->count(kCountRooms, user_id); });
}

void Reader::unread(Id room_id, Id user_id, std::int64_t* unread, std::int64_t* mentions) {
  detail::translate("unread", [&] {
    impl_->snapshot([&] {
      RoomView v;
      auto read_seq = impl_->one(kSelectReadSeq, read_id, room_id, user_id);
      if (read_seq) v.membership = Membership{room_id, user_id, RoomRole::kMember, *read_seq};
      impl_->count_unread(v);
      if (unread) *unread = v.unread;
      if (mentions) *mentions = v.mentions;
      return 0;
    });
  });
}

}  // namespace praxis::storage
