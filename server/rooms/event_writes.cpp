// Handlers that append room events (post, edit, delete, react) and move read
// markers. Each is a job for the group-commit writer: the requester hears
// `ack` once the event is durable, then the core publishes the event to the
// room's subscribers.
#include "server/core/delivery.hpp"
#include "server/core/registry.hpp"
#include "server/rooms/handlers.hpp"
#include "server/rooms/wire.hpp"
#include "storage/rooms/queries.hpp"
#include "storage/rooms/writes.hpp"

namespace praxis::server::rooms {
namespace {

namespace pr = protocol::rooms;
using storage::Status;
using storage::rooms::EventResult;
using storage::rooms::Writes;

storage::rooms::Actor actor(const Context& c) { return {c.user(), c.who().admin}; }

template <class Job>
void event_write(Context& c, State& st, Id room, std::string cmid, Job job) {
  if (!allowed(c, st.messages)) return;
  c.write<EventResult>(
      [job = std::move(job)](storage::Txn& tx) {
        Writes w(tx, bodies());
        return job(w);
      },
      [room, cmid = std::move(cmid)](Context& c, const EventResult& r) {
        if (r.status == Status::kLimitReached) {
          return c.fail(protocol::ErrorCode::kLimitReached,
                        "this message has the most different reactions allowed");
        }
        if (refused(c, r.status)) return;
        c.reply(pr::RoomAck{nullptr, room, r.status == Status::kUnchanged ? 0 : r.seq, cmid});
      });
}

void post(Context& c, State& st, const pr::Post& m) {
  storage::rooms::NewMessage msg{m.room,     c.user(),   m.text, m.lang,
                                 m.reply_to, m.mentions, m.cmid, c.clock().now()};
  event_write(c, st, m.room, m.cmid,
              [msg = std::move(msg)](Writes& w) { return w.post_message(msg); });
}

void edit(Context& c, State& st, const pr::Edit& m) {
  event_write(c, st, m.room, "", [m, user = c.user(), now = c.clock().now()](Writes& w) {
    return w.edit_message(m.room, user, m.target, m.text, now);
  });
}

void del(Context& c, State& st, const pr::Delete& m) {
  event_write(c, st, m.room, "", [m, a = actor(c), now = c.clock().now()](Writes& w) {
    return w.delete_message(m.room, a, m.target, now);
  });
}

void react(Context& c, State& st, const pr::React& m) {
  event_write(c, st, m.room, "",
              [m, user = c.user(), caps = st.config.caps, now = c.clock().now()](Writes& w) {
                return w.react(m.room, user, m.target, m.emoji, m.on, caps, now);
              });
}

// The read marker moves for every connection of the user; each hears its
// unread counts (the requester with its rid).
void read(Context& c, State& st, const pr::Read& m) {
  if (!allowed(c, st.reads)) return;
  struct Result {
    Status status = Status::kOk;
    Seq read_seq = 0;
  };
  c.write<Result>(
      [m, user = c.user()](storage::Txn& tx) {
        Result r;
        r.status = Writes(tx, bodies()).mark_read(m.room, user, m.seq, &r.read_seq);
        return r;
      },
      [room = m.room](Context& c, const Result& r) {
        if (refused(c, r.status)) return;
        Services s = c;
        auto* requester = &c.connection();
        c.live().to_user(c.user(), [s, requester, rid = c.rid(), room](Connection& conn) mutable {
          auto u = s.read([&](storage::Reader& rd) {
            return storage::rooms::Queries(rd).unread(room, conn.user_id());
          });
          send_message(conn, pr::ReadMarker{&conn == requester ? rid : nlohmann::json(), room,
                                            u.read_seq, u.unread, u.mentions});
        });
      });
}

}  // namespace

void add_event_writes(Registry& r, State& st) {
  r.message<pr::Post>([&st](Context& c, const pr::Post& m) { post(c, st, m); });
  r.message<pr::Edit>([&st](Context& c, const pr::Edit& m) { edit(c, st, m); });
  r.message<pr::Delete>([&st](Context& c, const pr::Delete& m) { del(c, st, m); });
  r.message<pr::React>([&st](Context& c, const pr::React& m) { react(c, st, m); });
  r.message<pr::Read>([&st](Context& c, const pr::Read& m) { read(c, st, m); });
}

}  // namespace praxis::server::rooms
