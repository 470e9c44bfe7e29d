#include "storage/rooms/queries.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "storage/core/connection.hpp"
#include "storage/core/reader.hpp"
#include "storage/rooms/rows.hpp"

namespace praxis::storage::rooms {

namespace {

using storage::detail::Query;
using storage::detail::translate;

constexpr char kSelectRoom[] = "SELECT " PRAXIS_ROOM_COLUMNS
                               " FROM rooms AS r JOIN streams AS s ON s.id = r.id WHERE r.id = ?";
constexpr char kSelectMembership[] =
    "SELECT room_id, user_id, role, read_seq FROM room_members WHERE room_id = ? AND user_id = ?";
// Room columns, then the user's membership role and read_seq (NULL: not a member).
// The second parameter is every_room (1: private rooms the user is not in too).
constexpr char kSelectRoomsFor[] =
    "SELECT " PRAXIS_ROOM_COLUMNS
    ", m.role, m.read_seq FROM rooms AS r JOIN streams AS s ON s.id = r.id "
    "LEFT JOIN room_members AS m ON m.room_id = r.id AND m.user_id = ? "
    "WHERE (? OR m.user_id IS NOT NULL OR r.visibility = 'open') AND (r.name, r.id) > (?, ?) "
    "ORDER BY r.name, r.id LIMIT ?";
constexpr char kSelectRoomView[] =
    "SELECT " PRAXIS_ROOM_COLUMNS
    ", m.role, m.read_seq FROM rooms AS r JOIN streams AS s ON s.id = r.id "
    "LEFT JOIN room_members AS m ON m.room_id = r.id AND m.user_id = ? WHERE r.id = ?";
constexpr char kSelectMemberRoomIds[] =
    "SELECT room_id FROM room_members WHERE user_id = ? ORDER BY room_id";
constexpr char kSelectMembers[] =
    "SELECT m.user_id, u.display_name, u.institution, u.country, m.role "
    "FROM room_members AS m JOIN users AS u ON u.id = m.user_id "
    "WHERE m.room_id = ? AND (u.display_name, m.user_id) > (?, ?) "
    "ORDER BY u.display_name, m.user_id LIMIT ?";
// read_seq, then the stream head.
constexpr char kSelectReadSeq[] =
    "SELECT m.read_seq, s.last_seq FROM room_members AS m JOIN streams AS s ON s.id = m.room_id "
    "WHERE m.room_id = ? AND m.user_id = ?";
// Both counts walk at most kUnreadCap rows per room, so a page of rooms stays
// bounded. While the stream head is within kUnreadCap of read_seq, no more
// rows than that exist after read_seq and a plain count is bounded already
// (an upper bound on seq, checked per row, costs 8 % more; a subquery with
// LIMIT 30 %); otherwise the count stops at kUnreadCap. Unread walks the
// primary key (the rows hold only what changes since schema step 7); the
// mentions count takes the user's mentions first (CROSS JOIN keeps that order).
constexpr char kCountUnread[] =
    "SELECT COUNT(*) FROM room_messages "
    "WHERE room_id = ? AND seq > ? AND author_id <> ? AND deleted_at IS NULL";
constexpr char kCountUnreadCapped[] =
    "SELECT COUNT(*) FROM (SELECT 1 FROM room_messages "
    "WHERE room_id = ? AND seq > ? AND author_id <> ? AND deleted_at IS NULL LIMIT ?)";
constexpr char kCountMentions[] =
    "SELECT COUNT(*) FROM room_mentions AS n "
    "CROSS JOIN room_messages AS m ON m.room_id = n.room_id AND m.seq = n.seq "
    "WHERE n.room_id = ? AND n.user_id = ? AND n.seq > ? AND m.author_id <> ? "
    "AND m.deleted_at IS NULL";
constexpr char kCountMentionsCapped[] =
    "SELECT COUNT(*) FROM (SELECT 1 FROM room_mentions AS n "
    "CROSS JOIN room_messages AS m ON m.room_id = n.room_id AND m.seq = n.seq "
    "WHERE n.room_id = ? AND n.user_id = ? AND n.seq > ? AND m.author_id <> ? "
    "AND m.deleted_at IS NULL LIMIT ?)";
constexpr char kSelectMessagesBefore[] =
    "SELECT " PRAXIS_MESSAGE_COLUMNS
    " FROM room_messages AS m JOIN users AS u ON u.id = m.author_id "
    "WHERE m.room_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?";
constexpr char kSelectMessagesAfter[] =
    "SELECT " PRAXIS_MESSAGE_COLUMNS
    " FROM room_messages AS m JOIN users AS u ON u.id = m.author_id "
    "WHERE m.room_id = ? AND m.seq > ? ORDER BY m.seq LIMIT ?";
// The log events of the messages in a page's span, in one walk of the log's
// primary key: cheaper than one lookup per message.
constexpr char kSelectPosted[] =
    "SELECT seq, at, body FROM stream_events WHERE stream_id = ? AND seq >= ? AND seq <= ? "
    "AND kind = 'message'";
constexpr char kSelectReactions[] =
    "SELECT seq, emoji, user_id FROM room_reactions WHERE room_id = ? AND seq >= ? AND seq <= ? "
    "ORDER BY seq, id";

Membership read_membership(const Query& q) {
  return Membership{q.i64(0), q.i64(1), detail::room_role_from(q.str(2)), q.i64(3)};
}

// Reads a kSelectRoomsFor / kSelectRoomView row (counts are filled later).
RoomView read_room_view(const Query& q, Id user_id) {
  RoomView v;
  v.room = detail::read_room(q);
  if (auto read_seq = q.opt_i64(detail::kRoomColumnCount + 1)) {
    v.membership = Membership{v.room.id, user_id,
                              detail::room_role_from(q.str(detail::kRoomColumnCount)), *read_seq};
  }
  return v;
}

Member read_member(const Query& q) {
  return Member{q.i64(0), q.str(1), q.str(2), q.str(3), detail::room_role_from(q.str(4))};
}

using storage::paged;

// Fills v's unread and mention counts; `head` is the room stream's last seq.
void count_unread(storage::detail::StatementCache& c, RoomView& v, Seq head) {
  if (!v.membership) return;
  const auto& m = *v.membership;
  using storage::detail::count;
  if (head - m.read_seq <= kUnreadCap) {
    v.unread = count(c, kCountUnread, m.room_id, m.read_seq, m.user_id);
    v.mentions = count(c, kCountMentions, m.room_id, m.user_id, m.read_seq, m.user_id);
    return;
  }
  v.unread = count(c, kCountUnreadCapped, m.room_id, m.read_seq, m.user_id, kUnreadCap);
  v.mentions =
      count(c, kCountMentionsCapped, m.room_id, m.user_id, m.read_seq, m.user_id, kUnreadCap);
}

// The page (ascending seq), completed from the messages' log events.
std::vector<Message> fold_posted(storage::detail::StatementCache& c, Id room_id,
                                 std::vector<detail::MessageRow> rows) {
  std::vector<Message> page;
  if (rows.empty()) return page;
  page.reserve(rows.size());
  Query q(c, kSelectPosted, room_id, rows.front().message.seq, rows.back().message.seq);
  // Every message of the span is in the page, so the two lists pair one to one.
  auto row = rows.begin();
  for (; q.step(); ++row) {
    if (row == rows.end() || row->message.seq != q.i64(0)) {
      throw storage::Error("a message log event without its message");
    }
    detail::read_posted(*row, q.i64(1), q.str(2));
    page.push_back(std::move(row->message));
  }
  if (page.size() != rows.size()) throw storage::Error("a message without its log event");
  return page;
}

// Adds the current reactions to `page` (ascending seq).
void fold_reactions(storage::detail::StatementCache& c, Id room_id, std::vector<Message>& page) {
  if (page.empty()) return;
  Query q(c, kSelectReactions, room_id, page.front().seq, page.back().seq);
  auto message = page.begin();
  while (q.step()) {
    const Seq seq = q.i64(0);
    message = std::lower_bound(message, page.end(), seq,
                               [](const Message& m, Seq s) { return m.seq < s; });
    if (message == page.end()) break;
    if (message->seq != seq) continue;  // a reaction on a message not in the page
    auto& reactions = message->reactions;
    std::string emoji = q.str(1);
    auto it = std::find_if(reactions.begin(), reactions.end(),
                           [&](const auto& r) { return r.first == emoji; });
    if (it == reactions.end()) it = reactions.insert(reactions.end(), {emoji, {}});
    it->second.push_back(q.i64(2));
  }
  for (auto& m : page) {
    for (auto& r : m.reactions) std::sort(r.second.begin(), r.second.end());
  }
}

}  // namespace

std::optional<Room> Queries::room(Id room_id) {
  return translate("room", [&] {
    return storage::detail::one(r_.statements(), kSelectRoom, detail::read_room, room_id);
  });
}

std::optional<Membership> Queries::membership(Id room_id, Id user_id) {
  return translate("membership", [&] {
    return storage::detail::one(r_.statements(), kSelectMembership, read_membership, room_id,
                                user_id);
  });
}

Page<RoomView> Queries::rooms_for(Id user_id, const std::optional<After>& after, std::int64_t limit,
                                  bool every_room) {
  limit = std::max<std::int64_t>(limit, 0);
  return translate("rooms_for", [&] {
    return r_.snapshot([&] {
      auto& c = r_.statements();
      auto read = [&](const Query& q) { return read_room_view(q, user_id); };
      auto page = paged(storage::detail::all(c, kSelectRoomsFor, read, user_id, every_room,
                                             after ? after->name : std::string(),
                                             after ? after->id : Id{0}, limit + 1),
                        limit);
      for (auto& v : page.items) count_unread(c, v, v.room.last_seq);
      return page;
    });
  });
}

std::optional<RoomView> Queries::room_view(Id room_id, Id user_id) {
  return translate("room_view", [&] {
    return r_.snapshot([&] {
      auto read = [&](const Query& q) { return read_room_view(q, user_id); };
      auto view = storage::detail::one(r_.statements(), kSelectRoomView, read, user_id, room_id);
      if (view) count_unread(r_.statements(), *view, view->room.last_seq);
      return view;
    });
  });
}

std::vector<Id> Queries::member_room_ids(Id user_id) {
  return translate("member_room_ids", [&] {
    return storage::detail::all(r_.statements(), kSelectMemberRoomIds, storage::detail::read_id,
                                user_id);
  });
}

Page<Member> Queries::members(Id room_id, const std::optional<After>& after, std::int64_t limit) {
  limit = std::max<std::int64_t>(limit, 0);
  return translate("members", [&] {
    return paged(storage::detail::all(r_.statements(), kSelectMembers, read_member, room_id,
                                      after ? after->name : std::string(),
                                      after ? after->id : Id{0}, limit + 1),
                 limit);
  });
}

Page<Message> Queries::messages_before(Id room_id, Seq before, std::int64_t limit) {
  if (before <= 0) before = std::numeric_limits<Seq>::max();
  limit = std::max<std::int64_t>(limit, 0);
  return translate("messages_before", [&] {
    return r_.snapshot([&] {
      auto rows = paged(storage::detail::all(r_.statements(), kSelectMessagesBefore,
                                             detail::read_message, room_id, before, limit + 1),
                        limit);
      std::reverse(rows.items.begin(), rows.items.end());
      Page<Message> page{fold_posted(r_.statements(), room_id, std::move(rows.items)),
                         rows.has_more};
      fold_reactions(r_.statements(), room_id, page.items);
      return page;
    });
  });
}

Page<Message> Queries::messages_after(Id room_id, Seq after, std::int64_t limit) {
  limit = std::max<std::int64_t>(limit, 0);
  return translate("messages_after", [&] {
    return r_.snapshot([&] {
      auto rows = paged(storage::detail::all(r_.statements(), kSelectMessagesAfter,
                                             detail::read_message, room_id, after, limit + 1),
                        limit);
      Page<Message> page{fold_posted(r_.statements(), room_id, std::move(rows.items)),
                         rows.has_more};
      fold_reactions(r_.statements(), room_id, page.items);
      return page;
    });
  });
}

Unread Queries::unread(Id room_id, Id user_id) {
  return translate("unread", [&] {
    return r_.snapshot([&] {
      auto read = [](const Query& q) { return std::pair<Seq, Seq>{q.i64(0), q.i64(1)}; };
      auto marks = storage::detail::one(r_.statements(), kSelectReadSeq, read, room_id, user_id);
      if (!marks) return Unread{};
      RoomView v;
      v.membership = Membership{room_id, user_id, RoomRole::kMember, marks->first};
      count_unread(r_.statements(), v, marks->second);
      return Unread{marks->first, v.unread, v.mentions};
    });
  });
}

}  // namespace praxis::storage::rooms
