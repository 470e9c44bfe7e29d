// Requests that change rooms and their events: each becomes a job for the
// group-commit writer; its answer (ack, event fan-out, room updates) is sent
// once the job is durable. Strand of the requesting session.
#pragma once

#include "protocol/client_messages.hpp"
#include "server/delivery.hpp"

namespace praxis::server {

void write_post(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                const protocol::Post& m);
void write_edit(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                const protocol::Edit& m);
void write_delete(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                  const protocol::Delete& m);
void write_react(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                 const protocol::React& m);
void write_room_create(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                       const protocol::RoomCreate& m);
void write_room_join(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                     const protocol::RoomJoin& m);
void write_room_leave(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                      const protocol::RoomLeave& m);
void write_room_invite(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                       const protocol::RoomInvite& m);
void write_read(Services& sv, const SessionPtr& s, const nlohmann::json& rid,
                const protocol::Read& m);

// Sends `room` (this user's view of it) to s; strand of s.
void send_room(Services& sv, Session& s, const nlohmann::json& rid, storage::Id room);

}  // namespace praxis::server
