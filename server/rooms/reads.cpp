// Handlers that read: rooms_list, room_members, history; and typing (volatile).
// Every list is a page, trimmed to the reply budget.
#include <algorithm>

#include "protocol/core/envelope.hpp"
#include "server/core/delivery.hpp"
#include "server/core/registry.hpp"
#include "server/rooms/handlers.hpp"
#include "server/rooms/wire.hpp"
#include "storage/rooms/queries.hpp"

namespace praxis::server::rooms {
namespace {

using protocol::ErrorCode;
namespace pr = protocol::rooms;
using storage::rooms::Queries;

// A room the user may look into: a member, an open room, or an admin.
bool can_see(Context& c, Id room) {
  return c.read([&](storage::Reader& r) {
    Queries q(r);
    auto found = q.room(room);
    if (!found) return false;
    return found->visibility == storage::rooms::Visibility::kOpen || c.who().admin ||
           q.membership(room, c.user()).has_value();
  });
}

// The largest list answer: the setting, and never more than a quarter of the
// connection's queue bound (an answer must never cut its own client off).
std::size_t budget(const Context& c, const State& st) {
  return std::min(st.config.reply_budget_bytes, c.settings().max_queue_bytes / 4);
}

// Keeps the items whose encoded size fits `budget` bytes (at least one);
// true if any were dropped. from_back: drop from the end.
template <class T>
bool fit(std::vector<T>& items, std::size_t budget, bool from_back = true) {
  std::size_t used = 0, keep = 0;
  const auto n = items.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& item = from_back ? items[i] : items[n - 1 - i];
    used += protocol::dump(nlohmann::json(item)).size() + 1;
    if (used > budget && keep > 0) break;
    ++keep;
  }
  if (keep == n) return false;
  if (from_back) {
    items.resize(keep);
  } else {
    items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n - keep));
  }
  return true;
}

// A page of rooms is up to list_page_max rooms with two counts each: it is
// read on the read pool, not on the network thread. `all` (every room, for
// moderation) is for instance admins only.
void rooms_list(Context& c, State& st, const pr::RoomsList& m) {
  if (!allowed(c, st.queries)) return;
  if (m.all && !c.who().admin) {
    return c.fail(ErrorCode::kForbidden, "only administrators list every room");
  }
  c.read_off_strand(
      [user = c.user(), after = to_after(m.cursor), limit = m.limit,
       all = m.all](storage::Reader& r) { return Queries(r).rooms_for(user, after, limit, all); },
      [&st](Context& c, const storage::rooms::Page<storage::rooms::RoomView>& page) {
        pr::Rooms out;
        for (const auto& v : page.items) {
          auto online = v.membership ? c.live().present(v.room.id) : std::vector<Id>{};
          out.rooms.push_back(to_wire(v, std::move(online)));
        }
        const bool trimmed = fit(out.rooms, budget(c, st));
        if ((page.has_more || trimmed) && !out.rooms.empty()) {
          out.next = pr::Cursor{out.rooms.back().name, out.rooms.back().id};
        }
        c.reply(std::move(out));
      });
}

void send_members(Context& c, const State& st, Id room,
                  const storage::rooms::Page<storage::rooms::Member>& page) {
  const auto online = c.live().present(room);
  pr::Members out;
  out.room = room;
  for (const auto& mem : page.items) {
    out.members.push_back(
        to_wire(mem, std::binary_search(online.begin(), online.end(), mem.user_id)));
  }
  const bool trimmed = fit(out.members, budget(c, st));
  if ((page.has_more || trimmed) && !out.members.empty()) {
    out.next = pr::Cursor{out.members.back().display_name, out.members.back().user};
  }
  c.reply(std::move(out));
}

void room_members(Context& c, State& st, const pr::RoomMembers& m) {
  if (!allowed(c, st.queries)) return;
  if (!can_see(c, m.room)) return c.fail(ErrorCode::kForbidden, "you cannot see this room");
  c.read_off_strand(
      [m](storage::Reader& r) { return Queries(r).members(m.room, to_after(m.cursor), m.limit); },
      [&st, room = m.room](Context& c, const storage::rooms::Page<storage::rooms::Member>& page) {
        send_members(c, st, room, page);
      });
}

void history(Context& c, State& st, const pr::History& m) {
  if (!allowed(c, st.queries)) return;
  if (!can_see(c, m.room)) return c.fail(ErrorCode::kForbidden, "you cannot see this room");
  auto page = c.read([&](storage::Reader& r) {
    Queries q(r);
    return m.after ? q.messages_after(m.room, *m.after, m.limit)
                   : q.messages_before(m.room, m.before.value_or(0), m.limit);
  });
  pr::HistoryReply out;
  out.room = m.room;
  for (const auto& msg : page.items) out.messages.push_back(to_wire(msg));
  // Newest first matter for `before` (drop the oldest), oldest first for `after`.
  const bool trimmed = fit(out.messages, budget(c, st), m.after.has_value());
  out.has_more = page.has_more || trimmed;
  c.reply(std::move(out));
}

void typing(Context& c, State& st, const pr::Typing& m) {
  // Over the rate: passed on less often, never an error (it is a hint). The
  // rate first: a flood of notices costs no reads.
  if (!st.typing.allow(c.user())) return;
  const bool member = c.read(
      [&](storage::Reader& r) { return Queries(r).membership(m.room, c.user()).has_value(); });
  if (!member) return c.fail(ErrorCode::kForbidden, "not a member of this room");
  auto payload =
      make_payload(protocol::encode(pr::TypingNotice{m.room, c.user(), c.who().display_name}));
  c.live().broadcast(m.room, payload, c.user());
}

}  // namespace

void add_reads(Registry& r, State& st) {
  r.message<pr::RoomsList>([&st](Context& c, const pr::RoomsList& m) { rooms_list(c, st, m); });
  r.message<pr::RoomMembers>(
      [&st](Context& c, const pr::RoomMembers& m) { room_members(c, st, m); });
  r.message<pr::History>([&st](Context& c, const pr::History& m) { history(c, st, m); });
  r.message<pr::Typing>([&st](Context& c, const pr::Typing& m) { typing(c, st, m); });
}

}  // namespace praxis::server::rooms
