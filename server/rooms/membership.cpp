// Handlers that change who is in a room: create, join, leave, invite, and the
// lifecycle (moderators, removing a member, handing the room over). After the
// commit the core grants or revokes the affected user's live subscription,
// in commit order: a removed member receives nothing committed after.
#include <algorithm>
#include <initializer_list>
#include <vector>

#include "server/core/delivery.hpp"
#include "server/core/registry.hpp"
#include "server/rooms/handlers.hpp"
#include "server/rooms/wire.hpp"
#include "storage/rooms/writes.hpp"

namespace praxis::server::rooms {
namespace {

namespace pr = protocol::rooms;
using storage::Status;
using storage::rooms::JoinResult;
using storage::rooms::TransferResult;
using storage::rooms::Writes;

storage::rooms::Actor actor(const Context& c) { return {c.user(), c.who().admin}; }

// A role change: the requester hears the room (its rid), and so do the
// connections of each member whose role changed, each in their own view.
void push_roles(Context& c, Id room, std::initializer_list<Id> changed) {
  std::vector<Id> told{c.user()};
  push_room(c, c.user(), room);
  for (Id member : changed) {
    if (member == 0 || std::find(told.begin(), told.end(), member) != told.end()) continue;
    push_room(c, member, room);
    told.push_back(member);
  }
}

void create(Context& c, State& st, const pr::RoomCreate& m) {
  if (!allowed(c, st.actions)) return;
  storage::rooms::Room room;
  room.name = m.name;
  room.topic = m.topic;
  room.visibility =
      m.is_private ? storage::rooms::Visibility::kPrivate : storage::rooms::Visibility::kOpen;
  room.created_by = c.user();
  room.created_at = c.clock().now();
  struct Result {
    Status status = Status::kOk;
    Id room = 0;
  };
  c.write<Result>(
      [room, caps = st.config.caps](storage::Txn& tx) mutable {
        Result r;
        r.status = Writes(tx, bodies()).create_room(room, caps);
        r.room = room.id;
        return r;
      },
      [open = !m.is_private](Context& c, const Result& r) {
        if (refused(c, r.status)) return;
        c.live().grant(c.user(), r.room, kStreamKind, 0);
        push_room(c, c.user(), r.room);
        if (open) announce_open_room(c, r.room, {c.user()});
      });
}

void join(Context& c, State& st, const pr::RoomJoin& m) {
  if (!allowed(c, st.actions)) return;
  c.write<JoinResult>(
      [m, user = c.user(), caps = st.config.caps, now = c.clock().now()](storage::Txn& tx) {
        return Writes(tx, bodies()).join_room(m.room, user, caps, now);
      },
      [room = m.room](Context& c, const JoinResult& r) {
        if (refused(c, r.status)) return;
        c.live().grant(c.user(), room, kStreamKind, r.last_seq);
        push_room(c, c.user(), room);
      });
}

// Every connection of `user` hears that it left `room` (the requester's with its rid).
void push_left(Context& c, Id user, Id room) {
  auto* requester = &c.connection();
  c.live().to_user(user, [requester, rid = c.rid(), room](Connection& conn) {
    send_message(conn, pr::Left{&conn == requester ? rid : nlohmann::json(), room});
  });
}

void leave(Context& c, State& st, const pr::RoomLeave& m) {
  if (!allowed(c, st.actions)) return;
  c.write<Status>([m, user = c.user()](
                      storage::Txn& tx) { return Writes(tx, bodies()).leave_room(m.room, user); },
                  [room = m.room](Context& c, Status status) {
                    if (refused(c, status)) return;
                    c.live().revoke(c.user(), room);
                    push_left(c, c.user(), room);
                  });
}

void invite(Context& c, State& st, const pr::RoomInvite& m) {
  if (!allowed(c, st.actions)) return;
  c.write<JoinResult>(
      [m, a = actor(c), caps = st.config.caps, now = c.clock().now()](storage::Txn& tx) {
        return Writes(tx, bodies()).add_member(m.room, a, m.user, caps, now);
      },
      [m](Context& c, const JoinResult& r) {
        if (refused(c, r.status)) return;
        c.live().grant(m.user, m.room, kStreamKind, r.last_seq);
        push_room(c, m.user, m.room);
        if (m.user != c.user()) push_room(c, c.user(), m.room);
      });
}

void set_role(Context& c, State& st, const pr::RoomSetRole& m) {
  if (!allowed(c, st.actions)) return;
  const auto role = m.role == "moderator" ? storage::rooms::RoomRole::kModerator
                                          : storage::rooms::RoomRole::kMember;
  c.write<Status>(
      [m, a = actor(c), role](storage::Txn& tx) {
        return Writes(tx, bodies()).set_role(m.room, a, m.user, role);
      },
      [m](Context& c, Status status) {
        if (refused(c, status)) return;
        push_roles(c, m.room, {m.user});
      });
}

void remove(Context& c, State& st, const pr::RoomRemove& m) {
  if (!allowed(c, st.actions)) return;
  c.write<Status>(
      [m, a = actor(c)](storage::Txn& tx) {
        return Writes(tx, bodies()).remove_member(m.room, a, m.user);
      },
      [m](Context& c, Status status) {
        if (refused(c, status)) return;
        c.live().revoke(m.user, m.room);
        c.live().to_user(m.user, [room = m.room](Connection& conn) {
          send_message(conn, pr::Left{nullptr, room});
        });
        push_room(c, c.user(), m.room);
      });
}

// Both the new owner and the old one (now a moderator) hear the room: when an
// admin hands it over, neither is the requester.
void transfer(Context& c, State& st, const pr::RoomTransfer& m) {
  if (!allowed(c, st.actions)) return;
  c.write<TransferResult>(
      [m, a = actor(c)](storage::Txn& tx) {
        return Writes(tx, bodies()).transfer(m.room, a, m.user);
      },
      [m](Context& c, const TransferResult& r) {
        if (refused(c, r.status)) return;
        push_roles(c, m.room, {m.user, r.previous_owner});
      });
}

}  // namespace

void add_membership(Registry& r, State& st) {
  r.message<pr::RoomCreate>([&st](Context& c, const pr::RoomCreate& m) { create(c, st, m); });
  r.message<pr::RoomJoin>([&st](Context& c, const pr::RoomJoin& m) { join(c, st, m); });
  r.message<pr::RoomLeave>([&st](Context& c, const pr::RoomLeave& m) { leave(c, st, m); });
  r.message<pr::RoomInvite>([&st](Context& c, const pr::RoomInvite& m) { invite(c, st, m); });
  r.message<pr::RoomSetRole>([&st](Context& c, const pr::RoomSetRole& m) { set_role(c, st, m); });
  r.message<pr::RoomRemove>([&st](Context& c, const pr::RoomRemove& m) { remove(c, st, m); });
  r.message<pr::RoomTransfer>([&st](Context& c, const pr::RoomTransfer& m) { transfer(c, st, m); });
}

}  // namespace praxis::server::rooms
