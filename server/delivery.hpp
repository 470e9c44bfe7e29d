// Getting room events to a connection exactly once and in order: live events
// from the hub, replays from the database on resume and to fill any gap.
// Every function here runs on the session's strand unless it says otherwise.
#pragma once

#include <map>
#include <memory>

#include "protocol/server_messages.hpp"
#include "server/services.hpp"
#include "server/session.hpp"

namespace praxis::server {

using SessionPtr = std::shared_ptr<Session>;

// Encodes and queues one message.
void send_message(Session& s, const protocol::ServerMessage& m);
void send_error(Session& s, const nlohmann::json& rid, protocol::ErrorCode code,
                std::string message);

// Subscribes s to room (live from now): registers with the hub first, then
// reads the room's last seq, so nothing committed in between is missed.
// Announces presence if the user just came online there.
void subscribe(Services& sv, const SessionPtr& s, storage::Id room);
// Unsubscribes and announces presence if the user went offline there.
void unsubscribe(Services& sv, const SessionPtr& s, storage::Id room);

// After hello: replays, for each room in `resume` (room -> last seen seq) that
// s is subscribed to, every event after that seq, then sends `synced`. The
// replay is paced by the connection's queue (it waits for the queue to drain
// past half of max_queue_bytes), so a long backlog never makes a reading
// client look slow. Rooms missing more than resume_max_events get `resync`.
void start_resume(Services& sv, const SessionPtr& s,
                  const std::map<storage::Id, storage::Seq>& resume);

// A committed event for s: skips duplicates, fills a gap from the database.
void deliver(Services& sv, Session& s, storage::Id room, storage::Seq seq, const Payload& payload);

// Any thread: hands a committed event to every subscribed session.
void publish(Services& sv, storage::Id room, storage::Seq seq, const Payload& payload);

// Any thread: queues a live event (or, with room 0, an ack) for s, behind the
// ones queued before it; posts one drain to the strand when none is pending.
void queue_live(Services& sv, const SessionPtr& s, Session::Live live);
// Writer thread (after a commit): runs fn on s's strand, in order with the
// events and acks queued for s. Use it, not Session::post, for anything a
// commit tells a session.
void queue_after_commit(Services& sv, const SessionPtr& s, std::function<void()> fn);

// Any thread: tells the room's sessions that `user` came online / went offline.
void announce_presence(Services& sv, storage::Id room, storage::Id user, bool online);

}  // namespace praxis::server
