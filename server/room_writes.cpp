#include "server/room_writes.hpp"

#include <optional>

#include "protocol/codec.hpp"
#include "server/clock.hpp"
#include "server/wire.hpp"

namespace praxis::server {
namespace {

using protocol::ErrorCode;
using storage::Status;

std::optional<ErrorCode> error_for(Status status) {
  switch (status) {
    case Status::kNotFound:
      return ErrorCode::kNotFound;
    case Status::kForbidden:
      return ErrorCode::kForbidden;
    case Status::kConflict:
      return ErrorCode::kConflict;
    case Status::kTooManyRooms:
      return ErrorCode::kTooManyRooms;
    default:
      return std::nullopt;
  }
}

// Posts an error for `status` to s; true if there was one.
bool report(Services& sv, const SessionPtr& s, const nlohmann::json& rid, Status status) {
  auto code = error_for(status);
  if (!code) return false;
  queue_after_commit(sv, s, [s, rid, code] { send_error(*s, rid, *code, "request refused"); });
  return true;
}

// Queues `job` on the writer; `on_commit` runs on the writer thread once the
// job is durable. A failed commit is answered with `internal`.
template <class Result, class Job, class OnCommit>
void submit(Services& sv, const SessionPtr& s, const nlohmann::json& rid, Job job,
            OnCommit on_commit) {
  auto result = std::make_shared<Result>();
  sv.store.writer().submit(
      [job = std::move(job), result](storage::WriteTxn& tx) { *result = job(tx); },
      [&sv, s, rid, result, on_commit = std::move(on_commit)](bool committed) {
        if (!committed) {
          queue_after_commit(
              sv, s, [s, rid] { send_error(*s, rid, ErrorCode::kInternal, "the write failed"); });
          return;
        }
        on_commit(*result);
      });
}

// Event writes: ack the sender, then fan the event out to the room.
template <class Job>
void submit_event(Services& sv, const SessionPtr& s, const nlohmann::json& rid, storage::Id room,
                  std::string cmid, Job job) {
  if (!s->delivered.count(room)) {
    return send_error(*s, rid, ErrorCode::kForbidden, "not a member of this room");
  }
  if (!sv.hub.allow_message(s->user_id(), sv.settings.limits)) {
    return send_error(*s, rid, ErrorCode::kRateLimited, "too many messages; slow down");
  }
  submit<storage::EventResult>(
      sv, s, rid, std::move(job),
      [&sv, s, rid, room, cmid = std::move(cmid)](const storage::EventResult& r) {
        if (report(sv, s, rid, r.status)) return;
        const storage::Seq seq = r.status == Status::kUnchanged ? 0 : r.event.seq;
        auto ack = std::make_shared<const std::string>(
            protocol::encode(protocol::Ack{rid, room, seq, cmid}));
        queue_live(sv, s, {0, 0, ack, nullptr});  // before the event, like every live message
        if (r.status != Status::kOk) return;
        auto payload = std::make_shared<const std::string>(
            protocol::encode(protocol::EventMessage{to_wire(r.event)}));
        publish(sv, room, seq, payload);
      });
}

// Runs fn(session, rid) on the strand of every connection of `user`; only the
// requester's call gets the request's rid (the others learn of the change).
template <class Fn>
void for_user(Services& sv, storage::Id user, const Session* requester, const nlohmann::json& rid,
              Fn fn) {
  for (const auto& other : sv.hub.user_sessions(user)) {
    auto own_rid = other.get() == requester ? rid : nlohmann::json();
    queue_after_commit(sv, other, [other, own_rid, fn] { fn(other, own_rid); });
  }
}

// After a membership change: every connection of `user` subscribes to the
// room and is sent it.
void grant(Services& sv, storage::Id user, storage::Id room, const Session* requester,
           const nlohmann::json& rid) {
  for_user(sv, user, requester, rid, [&sv, room](const SessionPtr& other, const nlohmann::json& r) {
    subscribe(sv, other, room);
    send_room(sv, *other, r, room);
  });
}

}  // namespace

void send_room(Services& sv, Session& s, const nlohmann::json& rid, storage::Id room) {
  auto view = sv.store.read([&](storage::Reader& r) { return r.room_view(room, s.user_id()); });
  if (!view) return send_error(s, rid, ErrorCode::kNotFound, "no such room");
  send_message(s, protocol::RoomReply{rid, to_wire(*view, sv.hub.online_users(room))});
}

void write_post(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                const protocol::Post& m) {
  storage::NewMessage msg{m.room,     s->user_id(), m.text, m.lang,
                          m.reply_to, m.mentions,   m.cmid, now_ms()};
  submit_event(sv, s, rid, m.room, m.cmid,
               [msg = std::move(msg)](storage::WriteTxn& tx) { return tx.post_message(msg); });
}

void write_edit(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                const protocol::Edit& m) {
  submit_event(sv, s, rid, m.room, "", [m, user = s->user_id()](storage::WriteTxn& tx) {
    return tx.edit_message(m.room, user, m.target, m.text, now_ms());
  });
}

void write_delete(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                  const protocol::Delete& m) {
  submit_event(sv, s, rid, m.room, "", [m, user = s->user_id()](storage::WriteTxn& tx) {
    return tx.delete_message(m.room, user, m.target, now_ms());
  });
}

void write_react(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                 const protocol::React& m) {
  submit_event(sv, s, rid, m.room, "", [m, user = s->user_id()](storage::WriteTxn& tx) {
    return tx.react(m.room, user, m.target, m.emoji, m.on, now_ms());
  });
}

void write_room_create(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                       const protocol::RoomCreate& m) {
  storage::Room room;
  room.name = m.name;
  room.topic = m.topic;
  room.visibility = m.is_private ? storage::Visibility::kPrivate : storage::Visibility::kOpen;
  room.created_by = s->user_id();
  room.created_at = now_ms();
  struct Result {
    Status status = Status::kOk;
    storage::Id room = 0;
  };
  const auto max = sv.settings.limits.max_rooms_per_user;
  submit<Result>(
      sv, s, rid,
      [room, max](storage::WriteTxn& tx) {
        Result r;
        auto created = room;
        r.status = tx.create_room(created, max);
        r.room = created.id;
        return r;
      },
      [&sv, s, rid](const Result& r) {
        if (report(sv, s, rid, r.status)) return;
        grant(sv, s->user_id(), r.room, s.get(), rid);
      });
}

void write_room_join(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                     const protocol::RoomJoin& m) {
  const auto max = sv.settings.limits.max_rooms_per_user;
  submit<Status>(
      sv, s, rid,
      [m, max, user = s->user_id()](storage::WriteTxn& tx) {
        auto st = tx.join_room(m.room, user, max, now_ms());
        return st == Status::kNotFound ? Status::kForbidden : st;
      },
      [&sv, s, rid, room = m.room](Status st) {
        if (report(sv, s, rid, st)) return;
        grant(sv, s->user_id(), room, s.get(), rid);
      });
}

void write_room_leave(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                      const protocol::RoomLeave& m) {
  submit<Status>(
      sv, s, rid,
      [m, user = s->user_id()](storage::WriteTxn& tx) {
        auto st = tx.leave_room(m.room, user);
        return st == Status::kNotFound ? Status::kForbidden : st;
      },
      [&sv, s, rid, room = m.room](Status st) {
        if (report(sv, s, rid, st)) return;
        for_user(sv, s->user_id(), s.get(), rid,
                 [&sv, room](const SessionPtr& other, const nlohmann::json& r) {
                   unsubscribe(sv, other, room);
                   send_message(*other, protocol::Left{r, room});
                 });
      });
}

void write_room_invite(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                       const protocol::RoomInvite& m) {
  if (!s->delivered.count(m.room)) {  // covers rooms that do not exist: no probing
    return send_error(*s, rid, ErrorCode::kForbidden, "not a moderator of this room");
  }
  const auto max = sv.settings.limits.max_rooms_per_user;
  submit<Status>(
      sv, s, rid,
      [m, max, actor = s->user_id()](storage::WriteTxn& tx) {
        return tx.add_member(m.room, actor, m.user, max, now_ms());
      },
      [&sv, s, rid, m](Status st) {
        if (report(sv, s, rid, st)) return;
        grant(sv, m.user, m.room, nullptr, nullptr);
        queue_after_commit(sv, s, [&sv, s, rid, room = m.room] { send_room(sv, *s, rid, room); });
      });
}

void write_read(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                const protocol::Read& m) {
  struct Result {
    Status status = Status::kOk;
    storage::Seq read_seq = 0;
  };
  submit<Result>(
      sv, s, rid,
      [m, user = s->user_id()](storage::WriteTxn& tx) {
        Result r;
        r.status = tx.mark_read(m.room, user, m.seq, &r.read_seq);
        return r;
      },
      [&sv, s, rid, room = m.room](const Result& r) {
        if (report(sv, s, rid, r.status)) return;
        for_user(
            sv, s->user_id(), s.get(), rid,
            [&sv, room, read_seq = r.read_seq](const SessionPtr& other,
                                               const nlohmann::json& own_rid) {
              std::int64_t unread = 0, mentions = 0;
              sv.store.read([&](storage::Reader& reader) {
                reader.unread(room, other->user_id(), &unread, &mentions);
                return 0;
              });
              send_message(*other, protocol::ReadMarker{own_rid, room, read_seq, unread, mentions});
            });
      });
}

}  // namespace praxis::server
