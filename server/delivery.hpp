// Getting room events to a connection exactly once and in order: live events
// from the hub, replays from the database on resume and to fill any gap.
// Every function here runs on the session's strand unless it says otherwise.
#pragma once

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

// Sends the events of `room` after `after` up to the newest (for resume).
// Returns false (and sends nothing) when more than resume_max_events are due.
bool replay(Services& sv, Session& s, storage::Id room, storage::Seq after);

// A committed event for s: skips duplicates, fills a gap from the database.
void deliver(Services& sv, Session& s, storage::Id room, storage::Seq seq, const Payload& payload);

// Any thread: hands a committed event to every subscribed session.
void publish(Services& sv, storage::Id room, storage::Seq seq, const Payload& payload);

// Any thread: tells the room's sessions that `user` came online / went offline.
void announce_presence(Services& sv, storage::Id room, storage::Id user, bool online);

}  // namespace praxis::server
