// Handles what a WebSocket client sends (PROTOCOL.md 2): decodes the frame,
// checks it, and answers; writes go through the group-commit writer and are
// acknowledged and fanned out only after they are durable.
// All functions run on the session's strand.
#pragma once

#include <string_view>

#include "server/delivery.hpp"

namespace praxis::server {

void handle_frame(Services& sv, const SessionPtr& s, std::string_view frame);

// Called once when the connection has ended (after the hub forgot it).
void handle_closed(Services& sv, const SessionPtr& s);

}  // namespace praxis::server
