#include "storage/rooms/writes.hpp"

#include <algorithm>

#include "storage/core/txn.hpp"
#include "storage/rooms/rows.hpp"

namespace praxis::storage::rooms {

namespace {

using storage::detail::exists;
using storage::detail::Query;
using storage::detail::StatementCache;

constexpr char kRoomKind[] = "room";

constexpr char kInsertRoom[] =
    "INSERT INTO rooms(id, name, topic, visibility, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kCountRoomsCreated[] = "SELECT COUNT(*) FROM rooms WHERE created_by = ?";
constexpr char kCountRoomsTotal[] = "SELECT COUNT(*) FROM rooms";
constexpr char kSelectVisibility[] = "SELECT visibility FROM rooms WHERE id = ?";
constexpr char kSelectArchived[] = "SELECT 1 FROM rooms WHERE id = ? AND archived_at IS NOT NULL";
constexpr char kSelectSettings[] = "SELECT name, topic, archived_at FROM rooms WHERE id = ?";
constexpr char kUpdateSettings[] =
    "UPDATE rooms SET name = ?, topic = ?, archived_at = ? WHERE id = ?";
constexpr char kSelectMemberIds[] =
    "SELECT user_id FROM room_members WHERE room_id = ? ORDER BY user_id";
constexpr char kSelectActor[] =
    "SELECT m.role, u.display_name, r.archived_at IS NOT NULL FROM room_members AS m "
    "JOIN users AS u ON u.id = m.user_id JOIN rooms AS r ON r.id = m.room_id "
    "WHERE m.room_id = ? AND m.user_id = ?";
constexpr char kSelectUserName[] = "SELECT display_name FROM users WHERE id = ?";
constexpr char kCountMemberships[] = "SELECT COUNT(*) FROM room_members WHERE user_id = ?";
constexpr char kInsertMember[] =
    "INSERT INTO room_members(room_id, user_id, role, joined_at, read_seq) VALUES (?, ?, ?, ?, ?)";
constexpr char kDeleteMember[] = "DELETE FROM room_members WHERE room_id = ? AND user_id = ?";
constexpr char kUpdateRole[] = "UPDATE room_members SET role = ? WHERE room_id = ? AND user_id = ?";
constexpr char kSelectOwner[] =
    "SELECT user_id FROM room_members WHERE room_id = ? AND role = 'owner'";
constexpr char kDemoteOwner[] =
    "UPDATE room_members SET role = 'moderator' WHERE room_id = ? AND role = 'owner'";
constexpr char kUpdateReadSeq[] =
    "UPDATE room_members SET read_seq = ? WHERE room_id = ? AND user_id = ?";
constexpr char kSelectReadSeq[] =
    "SELECT read_seq FROM room_members WHERE room_id = ? AND user_id = ?";

constexpr char kSelectLiveMessage[] =
    "SELECT author_id FROM room_messages WHERE room_id = ? AND seq = ? AND deleted_at IS NULL";
constexpr char kSelectIsMessage[] = "SELECT 1 FROM room_messages WHERE room_id = ? AND seq = ?";
constexpr char kSelectIsMember[] = "SELECT 1 FROM room_members WHERE room_id = ? AND user_id = ?";
constexpr char kInsertMessage[] =
    "INSERT INTO room_messages(room_id, seq, author_id) VALUES (?, ?, ?)";
constexpr char kInsertMention[] =
    "INSERT INTO room_mentions(room_id, user_id, seq) VALUES (?, ?, ?)";
constexpr char kUpdateText[] =
    "UPDATE room_messages SET changed_text = ?, edited_at = ? WHERE room_id = ? AND seq = ?";
constexpr char kInsertEdit[] = "INSERT INTO room_edits(room_id, target, seq) VALUES (?, ?, ?)";
constexpr char kMarkDeleted[] =
    "UPDATE room_messages SET changed_text = '', deleted_at = ? WHERE room_id = ? AND seq = ?";
constexpr char kDeleteReactionsOf[] = "DELETE FROM room_reactions WHERE room_id = ? AND seq = ?";
constexpr char kSelectEditsOf[] =
    "SELECT seq FROM room_edits WHERE room_id = ? AND target = ? ORDER BY seq";
constexpr char kInsertReaction[] =
    "INSERT INTO room_reactions(room_id, seq, emoji, user_id, at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (room_id, seq, emoji, user_id) DO NOTHING";
constexpr char kDeleteReaction[] =
    "DELETE FROM room_reactions WHERE room_id = ? AND seq = ? AND emoji = ? AND user_id = ?";
constexpr char kSelectEmojiUsed[] =
    "SELECT 1 FROM room_reactions WHERE room_id = ? AND seq = ? AND emoji = ? LIMIT 1";
constexpr char kCountEmoji[] =
    "SELECT COUNT(DISTINCT emoji) FROM room_reactions WHERE room_id = ? AND seq = ?";

struct Head {
  Visibility visibility = Visibility::kOpen;
  Seq last_seq = 0;
};

std::optional<Visibility> visibility(StatementCache& c, Id room_id) {
  return storage::detail::one(
      c, kSelectVisibility, [](const Query& q) { return detail::visibility_from(q.str(0)); },
      room_id);
}

// The room's visibility and the last seq of its stream, this transaction's
// appends included (StreamLog::head).
std::optional<Head> room_head(storage::Txn& tx, Id room_id) {
  auto v = visibility(tx.statements(), room_id);
  if (!v) return std::nullopt;
  auto stream = tx.streams().head(room_id);
  return Head{*v, stream ? stream->last_seq : 0};
}

// The actor's membership in a room, with their display name and whether the
// room is archived (read from the same row lookup: writes check it on each post).
struct Member {
  RoomRole role = RoomRole::kMember;
  std::string name;
  bool room_archived = false;
};

std::optional<Member> member(StatementCache& c, Id room_id, Id user_id) {
  return storage::detail::one(
      c, kSelectActor,
      [](const Query& q) {
        return Member{detail::room_role_from(q.str(0)), q.str(1), q.i64(2) != 0};
      },
      room_id, user_id);
}

// Owners and moderators moderate; admins moderate every room.
bool moderates(const std::optional<Member>& m, const Actor& a) {
  return a.admin || (m && m->role != RoomRole::kMember);
}
bool owns(const std::optional<Member>& m, const Actor& a) {
  return a.admin || (m && m->role == RoomRole::kOwner);
}

// Who acts on whom in a room: the actor's membership (none for an admin who
// is not a member) and the target member's, or the refusal. A room the actor
// is not in looks like no room; the actor must moderate it (own it, with
// `need_owner`); a target who is not a member is kNotFound.
struct Parties {
  Status status = Status::kOk;
  std::optional<Member> actor;
  Member target;
};

Parties parties(StatementCache& c, Id room_id, const Actor& actor, Id user_id, bool need_owner) {
  Parties p;
  p.actor = member(c, room_id, actor.user);
  const bool may = need_owner ? owns(p.actor, actor) : moderates(p.actor, actor);
  if (!visibility(c, room_id) || !(p.actor || actor.admin) || !may) {
    p.status = Status::kForbidden;
    return p;
  }
  auto target = member(c, room_id, user_id);
  if (!target) {
    p.status = Status::kNotFound;
    return p;
  }
  p.target = *target;
  return p;
}

Status add(StatementCache& c, Id room_id, Id user_id, RoomRole role, Seq read_seq, std::int64_t cap,
           Millis now) {
  if (storage::detail::count(c, kCountMemberships, user_id) >= cap) return Status::kLimitReached;
  Query(c, kInsertMember, room_id, user_id, to_text(role), now, read_seq).exec();
  return Status::kOk;
}

EventResult failed(Status s) { return EventResult{s, 0}; }

bool archived(StatementCache& c, Id room_id) { return exists(c, kSelectArchived, room_id); }

// `changes` applied to the room's settings; false when they change nothing.
bool apply(Room& room, const RoomChanges& changes, Millis now) {
  const Room before = room;
  if (changes.name) room.name = *changes.name;
  if (changes.topic) room.topic = *changes.topic;
  if (changes.archived && *changes.archived != room.archived_at.has_value()) {
    room.archived_at = *changes.archived ? std::optional<Millis>(now) : std::nullopt;
  }
  return room.name != before.name || room.topic != before.topic ||
         room.archived_at != before.archived_at;
}

ChangeFacts change(const char* kind, Id room_id, Id actor, Seq target, Millis at) {
  ChangeFacts f;
  f.kind = kind;
  f.room = room_id;
  f.by = actor;
  f.target = target;
  f.at = at;
  return f;
}

}  // namespace

Status Writes::create_room(Room& room, const Caps& caps) {
  return tx_.guarded("create_room", [&] {
    auto& c = tx_.statements();
    if (storage::detail::count(c, kCountRoomsCreated, room.created_by) >=
            caps.rooms_created_per_user ||
        storage::detail::count(c, kCountRoomsTotal) >= caps.rooms_total ||
        storage::detail::count(c, kCountMemberships, room.created_by) >= caps.rooms_per_user) {
      return Status::kLimitReached;
    }
    room.id = tx_.streams().create(kRoomKind, room.created_at);
    room.last_seq = 0;
    Query(c, kInsertRoom, room.id, room.name, room.topic, to_text(room.visibility), room.created_by,
          room.created_at)
        .exec();
    return add(c, room.id, room.created_by, RoomRole::kOwner, 0, caps.rooms_per_user,
               room.created_at);
  });
}

JoinResult Writes::join_room(Id room_id, Id user_id, const Caps& caps, Millis now) {
  return tx_.guarded("join_room", [&] {
    auto& c = tx_.statements();
    auto head = room_head(tx_, room_id);
    // A private room looks like one that does not exist: no probing ids.
    if (!head) return JoinResult{Status::kForbidden, 0};
    const bool is_member = member(c, room_id, user_id).has_value();
    if (!is_member && head->visibility != Visibility::kOpen) {
      return JoinResult{Status::kForbidden, 0};
    }
    if (archived(c, room_id)) return JoinResult{Status::kReadOnly, 0};
    if (is_member) return JoinResult{Status::kOk, head->last_seq};
    auto st = add(c, room_id, user_id, RoomRole::kMember, head->last_seq, caps.rooms_per_user, now);
    return JoinResult{st, head->last_seq};
  });
}

Status Writes::leave_room(Id room_id, Id user_id) {
  return tx_.guarded("leave_room", [&] {
    auto& c = tx_.statements();
    auto m = member(c, room_id, user_id);
    if (!m) return Status::kForbidden;
    if (m->role == RoomRole::kOwner) return Status::kConflict;
    Query(c, kDeleteMember, room_id, user_id).exec();
    return Status::kOk;
  });
}

JoinResult Writes::add_member(Id room_id, const Actor& actor, Id user_id, const Caps& caps,
                              Millis now) {
  return tx_.guarded("add_member", [&] {
    auto& c = tx_.statements();
    auto head = room_head(tx_, room_id);
    if (!head) return JoinResult{Status::kForbidden, 0};
    if (!moderates(member(c, room_id, actor.user), actor)) return JoinResult{Status::kForbidden, 0};
    if (archived(c, room_id)) return JoinResult{Status::kReadOnly, 0};
    if (!exists(c, kSelectUserName, user_id)) return JoinResult{Status::kNotFound, 0};
    if (member(c, room_id, user_id)) return JoinResult{Status::kOk, head->last_seq};
    auto st = add(c, room_id, user_id, RoomRole::kMember, head->last_seq, caps.rooms_per_user, now);
    return JoinResult{st, head->last_seq};
  });
}

Status Writes::set_role(Id room_id, const Actor& actor, Id user_id, RoomRole role) {
  return tx_.guarded("set_role", [&] {
    auto& c = tx_.statements();
    const auto p = parties(c, room_id, actor, user_id, true);
    if (p.status != Status::kOk) return p.status;
    if (p.target.role == RoomRole::kOwner || role == RoomRole::kOwner) return Status::kConflict;
    if (p.target.role == role) return Status::kOk;
    Query(c, kUpdateRole, to_text(role), room_id, user_id).exec();
    return Status::kOk;
  });
}

Status Writes::remove_member(Id room_id, const Actor& actor, Id user_id) {
  return tx_.guarded("remove_member", [&] {
    auto& c = tx_.statements();
    const auto p = parties(c, room_id, actor, user_id, false);
    if (p.status != Status::kOk) return p.status;
    if (p.target.role == RoomRole::kOwner) return Status::kConflict;
    // A moderator removes members, not other moderators.
    if (p.target.role == RoomRole::kModerator && !owns(p.actor, actor)) return Status::kForbidden;
    Query(c, kDeleteMember, room_id, user_id).exec();
    return Status::kOk;
  });
}

TransferResult Writes::transfer(Id room_id, const Actor& actor, Id user_id) {
  return tx_.guarded("transfer", [&] {
    auto& c = tx_.statements();
    const auto p = parties(c, room_id, actor, user_id, true);
    if (p.status != Status::kOk) return TransferResult{p.status, 0};
    if (p.target.role == RoomRole::kOwner) return TransferResult{Status::kOk, user_id};
    // The old owner (whoever it is, when an admin hands the room over) stays
    // on as a moderator.
    const auto owner = storage::detail::one(c, kSelectOwner, storage::detail::read_id, room_id);
    Query(c, kDemoteOwner, room_id).exec();
    Query(c, kUpdateRole, to_text(RoomRole::kOwner), room_id, user_id).exec();
    return TransferResult{Status::kOk, owner.value_or(0)};
  });
}

UpdateResult Writes::update_room(Id room_id, const Actor& actor, const RoomChanges& changes,
                                 Millis now) {
  return tx_.guarded("update_room", [&] {
    auto& c = tx_.statements();
    const auto a = member(c, room_id, actor.user);
    const bool owner_only = changes.name || changes.archived;
    if (!(a || actor.admin) || !(owner_only ? owns(a, actor) : moderates(a, actor))) {
      return UpdateResult{Status::kForbidden, {}};
    }
    auto room = storage::detail::one(
        c, kSelectSettings,
        [](const Query& q) {
          Room r;
          r.name = q.str(0);
          r.topic = q.str(1);
          r.archived_at = q.opt_i64(2);
          return r;
        },
        room_id);
    if (!room) return UpdateResult{Status::kForbidden, {}};  // an admin asking for no room
    if (!apply(*room, changes, now)) return UpdateResult{Status::kUnchanged, {}};
    Query(c, kUpdateSettings, room->name, room->topic, room->archived_at, room_id).exec();
    return UpdateResult{
        Status::kOk, storage::detail::all(c, kSelectMemberIds, storage::detail::read_id, room_id)};
  });
}

Status Writes::mark_read(Id room_id, Id user_id, Seq seq, Seq* read_seq) {
  return tx_.guarded("mark_read", [&] {
    auto& c = tx_.statements();
    auto stored =
        storage::detail::one(c, kSelectReadSeq, storage::detail::read_id, room_id, user_id);
    if (!stored) return Status::kForbidden;
    auto head = tx_.streams().head(room_id);
    const Seq wanted = std::max(*stored, std::min(seq, head ? head->last_seq : 0));
    if (wanted != *stored) Query(c, kUpdateReadSeq, wanted, room_id, user_id).exec();
    if (read_seq) *read_seq = wanted;
    return Status::kOk;
  });
}

EventResult Writes::post_message(const NewMessage& m) {
  // Every refusal below comes before the first write: no savepoint needed.
  return tx_.refuses_first("post_message", [&] {
    auto& c = tx_.statements();
    auto actor = member(c, m.room_id, m.author);
    if (!actor) return failed(Status::kForbidden);
    if (actor->room_archived) return failed(Status::kReadOnly);
    auto& log = tx_.streams();
    if (auto seq = log.seq_by_cmid(m.room_id, m.author, m.cmid)) {
      return EventResult{Status::kDuplicate, *seq};
    }
    if (m.reply_to && !exists(c, kSelectIsMessage, m.room_id, *m.reply_to)) {
      return failed(Status::kNotFound);
    }
    MessageFacts f{m.room_id, m.author, m.at, actor->name, m.text, m.lang, m.reply_to, {}, m.cmid};
    for (Id id : m.mentions) {
      const bool seen = std::find(f.mentions.begin(), f.mentions.end(), id) != f.mentions.end();
      if (!seen && exists(c, kSelectIsMember, m.room_id, id)) f.mentions.push_back(id);
    }
    const Seq seq = log.append(m.room_id, "message", m.author, m.at, bodies_.message(f), m.cmid);
    Query(c, kInsertMessage, m.room_id, seq, m.author).exec();
    for (Id id : f.mentions) Query(c, kInsertMention, m.room_id, id, seq).exec();
    return EventResult{Status::kOk, seq};
  });
}

EventResult Writes::edit_message(Id room_id, Id actor, Seq target, const std::string& text,
                                 Millis now) {
  return tx_.guarded("edit_message", [&] {
    auto& c = tx_.statements();
    const auto a = member(c, room_id, actor);
    if (!a) return failed(Status::kForbidden);
    if (a->room_archived) return failed(Status::kReadOnly);
    auto author =
        storage::detail::one(c, kSelectLiveMessage, storage::detail::read_id, room_id, target);
    if (!author) return failed(Status::kNotFound);
    if (*author != actor) return failed(Status::kForbidden);
    auto f = change("edit", room_id, actor, target, now);
    f.text = text;
    const Seq seq = tx_.streams().append(room_id, "edit", actor, now, bodies_.change(f));
    Query(c, kUpdateText, text, now, room_id, target).exec();
    Query(c, kInsertEdit, room_id, target, seq).exec();
    return EventResult{Status::kOk, seq};
  });
}

EventResult Writes::delete_message(Id room_id, const Actor& actor, Seq target, Millis now) {
  return tx_.guarded("delete_message", [&] {
    auto& c = tx_.statements();
    auto a = member(c, room_id, actor.user);
    if (!a && !actor.admin) return failed(Status::kForbidden);
    if (!a && !visibility(c, room_id)) return failed(Status::kForbidden);
    if (a ? a->room_archived : archived(c, room_id)) return failed(Status::kReadOnly);
    auto author =
        storage::detail::one(c, kSelectLiveMessage, storage::detail::read_id, room_id, target);
    if (!author) return failed(Status::kNotFound);
    if (*author != actor.user && !moderates(a, actor)) return failed(Status::kForbidden);
    auto& log = tx_.streams();
    const Seq seq = log.append(room_id, "delete", actor.user, now,
                               bodies_.change(change("delete", room_id, actor.user, target, now)));
    // Redact the log: a replay must not bring the text back (the message's
    // own event and its edits; everything else of them stays as written).
    auto edits = storage::detail::all(c, kSelectEditsOf, storage::detail::read_id, room_id, target);
    edits.push_back(target);
    for (Seq seq : edits) {
      if (auto old = log.body(room_id, seq)) log.redact(room_id, seq, bodies_.redacted(*old));
    }
    Query(c, kMarkDeleted, now, room_id, target).exec();
    Query(c, kDeleteReactionsOf, room_id, target).exec();
    return EventResult{Status::kOk, seq};
  });
}

EventResult Writes::react(Id room_id, Id actor, Seq target, const std::string& emoji, bool on,
                          const Caps& caps, Millis now) {
  return tx_.guarded("react", [&] {
    auto& c = tx_.statements();
    const auto a = member(c, room_id, actor);
    if (!a) return failed(Status::kForbidden);
    if (a->room_archived) return failed(Status::kReadOnly);
    if (!exists(c, kSelectLiveMessage, room_id, target)) return failed(Status::kNotFound);
    if (on && !exists(c, kSelectEmojiUsed, room_id, target, emoji) &&
        storage::detail::count(c, kCountEmoji, room_id, target) >= caps.reactions_per_message) {
      return failed(Status::kLimitReached);
    }
    const int changed = on ? Query(c, kInsertReaction, room_id, target, emoji, actor, now).exec()
                           : Query(c, kDeleteReaction, room_id, target, emoji, actor).exec();
    if (changed == 0) return failed(Status::kUnchanged);
    auto f = change("reaction", room_id, actor, target, now);
    f.emoji = emoji;
    f.on = on;
    const Seq seq = tx_.streams().append(room_id, "reaction", actor, now, bodies_.change(f));
    return EventResult{Status::kOk, seq};
  });
}

}  // namespace praxis::storage::rooms
