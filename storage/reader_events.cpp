// Reader: event replay and history pages.
#include <algorithm>
#include <limits>

#include "storage/reader.hpp"
#include "storage/reader_impl.hpp"
#include "storage/rows.hpp"

namespace praxis::storage {

namespace {

constexpr char kSelectEventsAfter[] = "SELECT " PRAXIS_EVENT_COLUMNS
                                      " FROM events AS e JOIN users AS u ON u.id = e.user_id "
                                      "WHERE e.room_id = ? AND e.seq > ? ORDER BY e.seq LIMIT ?";
// INDEXED BY: left alone, SQLite prefers the primary key and would step over
// every edit and reaction; the partial index holds messages only.
constexpr char kSelectMessagesBefore[] =
    "SELECT " PRAXIS_MESSAGE_COLUMNS
    " FROM events AS e INDEXED BY events_messages JOIN users AS u ON u.id = e.user_id "
    "WHERE e.room_id = ? AND e.kind = 'message' AND e.seq < ? ORDER BY e.seq DESC LIMIT ?";
constexpr char kSelectMessagesAfter[] =
    "SELECT " PRAXIS_MESSAGE_COLUMNS
    " FROM events AS e INDEXED BY events_messages JOIN users AS u ON u.id = e.user_id "
    "WHERE e.room_id = ? AND e.kind = 'message' AND e.seq > ? ORDER BY e.seq LIMIT ?";
constexpr char kSelectReactions[] =
    "SELECT seq, emoji, user_id FROM reactions WHERE room_id = ? AND seq >= ? AND seq <= ? "
    "ORDER BY seq, id";

// Keeps the first `limit` of rows fetched with LIMIT limit + 1; true if there were more.
template <class T>
bool trim(std::vector<T>& rows, std::int64_t limit) {
  if (static_cast<std::int64_t>(rows.size()) <= limit) return false;
  rows.resize(static_cast<std::size_t>(limit));
  return true;
}

}  // namespace

std::vector<Event> Reader::events_after(Id room_id, Seq after_seq, std::int64_t limit) {
  return detail::translate("events_after", [&] {
    return impl_->all(kSelectEventsAfter, detail::read_event, room_id, after_seq,
                      std::max<std::int64_t>(limit, 0));
  });
}

std::vector<Message> Reader::messages_before(Id room_id, Seq before, std::int64_t limit,
                                             bool* has_more) {
  if (before <= 0) before = std::numeric_limits<Seq>::max();
  limit = std::max<std::int64_t>(limit, 0);
  return detail::translate("messages_before", [&] {
    return impl_->snapshot([&] {
      auto page =
          impl_->all(kSelectMessagesBefore, detail::read_message, room_id, before, limit + 1);
      bool more = trim(page, limit);
      if (has_more) *has_more = more;
      std::reverse(page.begin(), page.end());
      impl_->fold_reactions(room_id, page);
      return page;
    });
  });
}

std::vector<Message> Reader::messages_after(Id room_id, Seq after, std::int64_t limit,
                                            bool* has_more) {
  limit = std::max<std::int64_t>(limit, 0);
  return detail::translate("messages_after", [&] {
    return impl_->snapshot([&] {
      auto page = impl_->all(kSelectMessagesAfter, detail::read_message, room_id, after, limit + 1);
      bool more = trim(page, limit);
      if (has_more) *has_more = more;
      impl_->fold_reactions(room_id, page);
      return page;
    });
  });
}

void Reader::Impl::fold_reactions(Id room_id, std::vector<Message>& page) {
  if (page.empty()) return;
  detail::Query q(cache, kSelectReactions, room_id, page.front().seq, page.back().seq);
  auto message = page.begin();
  while (q.step()) {
    Seq seq = q.i64(0);
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

}  // namespace praxis::storage
