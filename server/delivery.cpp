#include "server/delivery.hpp"

#include "protocol/codec.hpp"
#include "server/wire.hpp"

namespace praxis::server {

void send_message(Session& s, const protocol::ServerMessage& m) {
  s.send(std::make_shared<const std::string>(protocol::encode(m)));
}

void send_error(Session& s, const nlohmann::json& rid, protocol::ErrorCode code,
                std::string message) {
  send_message(s, protocol::ErrorReply{rid, protocol::Error{code, std::move(message)}});
}

void announce_presence(Services& sv, storage::Id room, storage::Id user, bool online) {
  auto payload =
      std::make_shared<const std::string>(protocol::encode(protocol::Presence{room, user, online}));
  sv.hub.for_room(room, nullptr,
                  [payload](const SessionPtr& s) { s->post([s, payload] { s->send(payload); }); });
}

void subscribe(Services& sv, const SessionPtr& s, storage::Id room) {
  if (s->delivered.count(room)) return;
  const bool came_online = sv.hub.subscribe(room, s);
  auto r = sv.store.read([room](storage::Reader& reader) { return reader.room(room); });
  s->delivered[room] = r ? r->last_seq : 0;
  if (came_online) announce_presence(sv, room, s->user_id(), true);
}

void unsubscribe(Services& sv, const SessionPtr& s, storage::Id room) {
  s->delivered.erase(room);
  if (sv.hub.unsubscribe(room, s.get())) announce_presence(sv, room, s->user_id(), false);
}

namespace {

constexpr std::int64_t kReplayPage = 1000;

// Sends events (after, upto] (upto <= 0: to the newest); returns the last sent.
storage::Seq send_range(Services& sv, Session& s, storage::Id room, storage::Seq after,
                        storage::Seq upto) {
  for (;;) {
    auto events =
        sv.store.read([&](storage::Reader& r) { return r.events_after(room, after, kReplayPage); });
    for (const auto& e : events) {
      if (upto > 0 && e.seq > upto) return after;
      send_message(s, protocol::EventMessage{to_wire(e)});
      after = e.seq;
    }
    if (static_cast<std::int64_t>(events.size()) < kReplayPage) return after;
  }
}

}  // namespace

namespace {

bool is_replaying(const Session& s, storage::Id room) {
  for (const auto& r : s.replaying) {
    if (r.room == room) return true;
  }
  return false;
}

// Replays from the front of s->replaying until done or the queue is half full.
// Each room is replayed up to its target (its last seq at hello), pacing the
// sends; what was committed meanwhile, a bounded amount, then goes out at once
// and the room is live. The target keeps a fast stream of new posts from
// stretching a replay forever.
void replay_step(Services& sv, const SessionPtr& s) {
  const std::size_t budget = sv.settings.limits.max_queue_bytes / 2;
  while (!s->replaying.empty()) {
    if (s->queued_bytes() >= budget) {
      return s->when_below(budget / 2, [&sv, s] { replay_step(sv, s); });
    }
    auto& r = s->replaying.front();
    auto delivered = s->delivered.find(r.room);
    if (delivered == s->delivered.end()) {  // left the room meanwhile
      s->replaying.pop_front();
      continue;
    }
    if (r.pos < r.target) {
      auto events = sv.store.read([&r](storage::Reader& reader) {
        return reader.events_after(r.room, r.pos, std::min(kReplayPage, r.target - r.pos));
      });
      if (events.empty()) r.pos = r.target;  // cannot happen: seqs are contiguous
      for (const auto& e : events) {
        if (s->queued_bytes() >= budget) break;
        send_message(*s, protocol::EventMessage{to_wire(e)});
        r.pos = e.seq;
      }
      continue;
    }
    delivered->second = std::max(delivered->second, send_range(sv, *s, r.room, r.pos, 0));
    s->replaying.pop_front();
  }
  protocol::Synced synced;
  for (const auto& [room, seq] : s->delivered) synced.rooms[room] = seq;
  send_message(*s, synced);
}

}  // namespace

void start_resume(Services& sv, const SessionPtr& s,
                  const std::map<storage::Id, storage::Seq>& resume) {
  for (const auto& [room, seq] : resume) {
    auto it = s->delivered.find(room);
    if (it == s->delivered.end()) continue;  // not a member: nothing to resume
    const storage::Seq last = it->second;    // set by subscribe()
    if (last - seq > sv.settings.limits.resume_max_events) {
      send_message(*s, protocol::Resync{room, last});
    } else if (seq < last) {
      s->replaying.push_back({room, seq, last});
    }
  }
  replay_step(sv, s);
}

void deliver(Services& sv, Session& s, storage::Id room, storage::Seq seq, const Payload& payload) {
  if (is_replaying(s, room)) return;  // the replay reads it from the database
  auto it = s.delivered.find(room);
  if (it == s.delivered.end() || seq <= it->second) return;
  if (seq > it->second + 1) it->second = send_range(sv, s, room, it->second, seq - 1);
  s.send(payload);
  it->second = seq;
}

namespace {

void drain_live(Services& sv, Session& s) {
  s.take_live(s.draining);
  for (auto& live : s.draining) {
    if (live.run) {
      live.run();
    } else if (live.room == 0) {
      s.send(std::move(live.payload));
    } else {
      deliver(sv, s, live.room, live.seq, live.payload);
    }
  }
  s.draining.clear();  // keeps the capacity, drops the payloads
}

}  // namespace

void queue_live(Services& sv, const SessionPtr& s, Session::Live live) {
  if (s->push_live(std::move(live))) s->post([&sv, s] { drain_live(sv, *s); });
}

void queue_after_commit(Services& sv, const SessionPtr& s, std::function<void()> fn) {
  queue_live(sv, s, {0, 0, nullptr, std::move(fn)});
}

void publish(Services& sv, storage::Id room, storage::Seq seq, const Payload& payload) {
  sv.hub.for_room(room, nullptr, [&sv, room, seq, &payload](const SessionPtr& s) {
    queue_live(sv, s, {room, seq, payload, nullptr});
  });
}

}  // namespace praxis::server
