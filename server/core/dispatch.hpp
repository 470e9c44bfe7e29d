// What a WebSocket client sends (PROTOCOL.md): decodes the frame with the
// registry's decoders, answers the core's own messages (hello, subscribe,
// unsubscribe, ping) and hands every other type to its feature's handler.
// Strand of the connection.
#pragma once

#include <string_view>

#include "server/core/connection.hpp"

namespace praxis::server {

struct Core;

void handle_frame(Core& core, const ConnectionPtr& c, std::string_view frame);

// Called once when the connection has ended: forgets it, announces presence.
void handle_closed(Core& core, const ConnectionPtr& c);

}  // namespace praxis::server
