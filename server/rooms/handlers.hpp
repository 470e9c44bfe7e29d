// Private to server/rooms: the feature's message handlers, by group, and
// what they share. Every handler runs on its connection's strand.
#pragma once

#include <nlohmann/json.hpp>

#include "protocol/rooms/messages.hpp"
#include "server/core/context.hpp"
#include "server/rooms/state.hpp"
#include "storage/core/types.hpp"

namespace praxis::server {
class Registry;
struct StreamPolicy;
}  // namespace praxis::server

namespace praxis::server::rooms {

void add_reads(Registry& r, State& st);         // rooms_list, room_members, history, typing
void add_event_writes(Registry& r, State& st);  // post, edit, delete, react, read
void add_membership(Registry& r, State& st);    // create, join, leave, invite, roles, ...
StreamPolicy room_policy();

// Refuses the request for a write's status; false when the status is no refusal.
bool refused(Context& c, storage::Status status);
// Sends `room` (this connection's user's view of it) with `rid`. Strand of c.
void send_room(Services& s, Connection& c, const nlohmann::json& rid, Id room);
// Every connection of `user` is sent its view of `room`; the requester's
// connection (if it is one of them) with the request's rid.
void push_room(Context& ctx, Id user, Id room);
// Takes a token of `limiter` for the user, or refuses the request.
bool allowed(Context& c, RateLimiter& limiter);

}  // namespace praxis::server::rooms
