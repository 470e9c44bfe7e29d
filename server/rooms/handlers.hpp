// Private to server/rooms: the feature's message handlers, by group, and
// what they share. Every handler runs on its connection's strand.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

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
void add_settings(Registry& r, State& st);      // room_update
StreamPolicy room_policy();

// Refuses the request for a write's status; false when the status is no refusal.
bool refused(Context& c, storage::Status status);
// Sends `room` (this connection's user's view of it) with `rid`. Strand of c.
void send_room(Services& s, Connection& c, const nlohmann::json& rid, Id room);
// Every connection of `user` is sent its view of `room`; the requester's
// connection (if it is one of them) with the request's rid.
void push_room(Context& ctx, Id user, Id room);
// An open room as a non-member sees it, sent without rid to every connection
// but those of `except` (ascending): news for everyone's room list. Nothing
// for a private room. After a commit (the writer thread).
void announce_open_room(Context& c, Id room, const std::vector<Id>& except);
// Takes a token of `limiter` for the user, or refuses the request.
bool allowed(Context& c, RateLimiter& limiter);

}  // namespace praxis::server::rooms
