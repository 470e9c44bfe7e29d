// Streams on one connection (strand only): subscribing (standing at hello, or
// on demand with `subscribe`), unsubscribing, and replaying what a client
// missed. A replay is paced by the connection's queue (it waits for the
// queue to fall below half of max_queue_bytes), so a long backlog never makes
// a reading client look slow; each stream is replayed up to its last seq when
// the replay began, then what was committed meanwhile goes out at once and the
// stream is live. More than resume_max_events missed: `resync` instead.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "server/core/connection.hpp"

namespace praxis::server {

struct Core;

// Subscribes c to `stream` (of `kind`), live from now: the hub first, then the
// stream's last seq, so nothing committed in between is missed. Announces
// presence when `present` made the user present there. Returns the last seq.
Seq subscribe(Core& core, const ConnectionPtr& c, Id stream, const std::string& kind, bool present);
void unsubscribe(Core& core, const ConnectionPtr& c, Id stream);

// After hello, with every standing stream subscribed: for each stream in
// `resume` (stream -> last seq seen) that c is subscribed to, replays every
// event after that seq, then sends `synced`.
void start_resume(Core& core, const ConnectionPtr& c, const std::map<Id, Seq>& resume);

// The `subscribe` request: may_read checked by the stream's kind, then live
// after `after` (replayed first) or from now; answered `subscribed`.
void handle_subscribe(Core& core, const ConnectionPtr& c, const nlohmann::json& rid, Id stream,
                      std::optional<Seq> after);
void handle_unsubscribe(Core& core, const ConnectionPtr& c, const nlohmann::json& rid, Id stream);

}  // namespace praxis::server
