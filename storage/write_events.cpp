// WriteTxn: room events (post, edit, delete, react).
#include <algorithm>

#include "storage/rows.hpp"
#include "storage/write_txn.hpp"
#include "storage/write_txn_impl.hpp"

namespace praxis::storage {

namespace {

constexpr char kSelectSeqByCmid[] =
    "SELECT seq FROM events WHERE room_id = ? AND user_id = ? AND cmid = ? AND cmid <> ''";
constexpr char kSelectEvent[] = "SELECT " PRAXIS_EVENT_COLUMNS
                                " FROM events AS e JOIN users AS u ON u.id = e.user_id "
                                "WHERE e.room_id = ? AND e.seq = ?";
constexpr char kSelectIsMessage[] =
    "SELECT 1 FROM events WHERE room_id = ? AND seq = ? AND kind = 'message'";
constexpr char kSelectIsMember[] = "SELECT 1 FROM room_members WHERE room_id = ? AND user_id = ?";
constexpr char kInsertMention[] = "INSERT INTO mentions(room_id, user_id, seq) VALUES (?, ?, ?)";
constexpr char kUpdateText[] =
    "UPDATE events SET text = ?, edited_at = ? WHERE room_id = ? AND seq = ?";
constexpr char kMarkDeleted[] =
    "UPDATE events SET text = '', deleted_at = ? WHERE room_id = ? AND seq = ?";
constexpr char kEraseEdits[] =
    "UPDATE events SET text = '' WHERE room_id = ? AND target = ? AND kind = 'edit'";
constexpr char kInsertReaction[] =
    "INSERT INTO reactions(room_id, seq, emoji, user_id, at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (room_id, seq, emoji, user_id) DO NOTHING";
constexpr char kDeleteReaction[] =
    "DELETE FROM reactions WHERE room_id = ? AND seq = ? AND emoji = ? AND user_id = ?";

}  // namespace

using detail::Query;

EventResult WriteTxn::post_message(const NewMessage& m) {
  // Every refusal below comes before append(): no savepoint needed.
  return impl_->refuses_first("post_message", [&] {
    auto& c = impl_->cache;
    auto actor = impl_->actor(m.room_id, m.author);
    if (!actor) return failed(Status::kForbidden);
    if (!m.cmid.empty()) {
      Query dup(c, kSelectSeqByCmid, m.room_id, m.author, m.cmid);
      if (dup.step()) {
        Query q(c, kSelectEvent, m.room_id, dup.i64(0));
        q.step();
        return EventResult{Status::kDuplicate, detail::read_event(q)};
      }
    }
    if (m.reply_to && !Query(c, kSelectIsMessage, m.room_id, *m.reply_to).step()) {
      return failed(Status::kNotFound);
    }
    Event e;
    e.room_id = m.room_id;
    e.kind = EventKind::kMessage;
    e.by = m.author;
    e.at = m.at;
    e.author_name = actor->display_name;
    e.text = m.text;
    e.lang = m.lang;
    e.reply_to = m.reply_to;
    e.cmid = m.cmid;
    for (Id id : m.mentions) {
      bool seen = std::find(e.mentions.begin(), e.mentions.end(), id) != e.mentions.end();
      if (!seen && Query(c, kSelectIsMember, m.room_id, id).step()) e.mentions.push_back(id);
    }
    impl_->append(e, actor->last_seq);
    for (Id id : e.mentions) Query(c, kInsertMention, e.room_id, id, e.seq).exec();
    return EventResult{Status::kOk, e};
  });
}

namespace {

// An event of `kind` by `actor` about message `target`.
Event about(EventKind kind, Id room_id, Id actor, const std::string& actor_name, Seq target,
            Millis at) {
  Event e;
  e.room_id = room_id;
  e.kind = kind;
  e.by = actor;
  e.author_name = actor_name;
  e.target = target;
  e.at = at;
  return e;
}

}  // namespace

EventResult WriteTxn::edit_message(Id room_id, Id actor, Seq target, const std::string& text,
                                   Millis now) {
  return impl_->guarded("edit_message", [&] {
    auto a = impl_->actor(room_id, actor);
    if (!a) return failed(Status::kForbidden);
    auto t = impl_->live_message(room_id, target);
    if (!t) return failed(Status::kNotFound);
    if (t->author != actor) return failed(Status::kForbidden);
    Event e = about(EventKind::kEdit, room_id, actor, a->display_name, target, now);
    e.text = text;
    impl_->append(e, a->last_seq);
    Query(impl_->cache, kUpdateText, text, now, room_id, target).exec();
    return EventResult{Status::kOk, e};
  });
}

EventResult WriteTxn::delete_message(Id room_id, Id actor, Seq target, Millis now) {
  return impl_->guarded("delete_message", [&] {
    auto a = impl_->actor(room_id, actor);
    if (!a) return failed(Status::kForbidden);
    auto t = impl_->live_message(room_id, target);
    if (!t) return failed(Status::kNotFound);
    if (t->author != actor && a->role == RoomRole::kMember) return failed(Status::kForbidden);
    Event e = about(EventKind::kDelete, room_id, actor, a->display_name, target, now);
    impl_->append(e, a->last_seq);
    Query(impl_->cache, kMarkDeleted, now, room_id, target).exec();
    Query(impl_->cache, kEraseEdits, room_id, target).exec();
    return EventResult{Status::kOk, e};
  });
}

EventResult WriteTxn::react(Id room_id, Id actor, Seq target, const std::string& emoji, bool on,
                            Millis now) {
  return impl_->guarded("react", [&] {
    auto a = impl_->actor(room_id, actor);
    if (!a) return failed(Status::kForbidden);
    if (!impl_->live_message(room_id, target)) return failed(Status::kNotFound);
    auto& c = impl_->cache;
    int changed = on ? Query(c, kInsertReaction, room_id, target, emoji, actor, now).exec()
                     : Query(c, kDeleteReaction, room_id, target, emoji, actor).exec();
    if (changed == 0) return failed(Status::kUnchanged);
    Event e = about(EventKind::kReaction, room_id, actor, a->display_name, target, now);
    e.emoji = emoji;
    e.on = on;
    impl_->append(e, a->last_seq);
    return EventResult{Status::kOk, e};
  });
}

}  // namespace praxis::storage
