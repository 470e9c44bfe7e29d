// Fan-out per commit: what a writer batch's jobs appended to stream logs,
// gathered per receiver and pushed into each receiver's inbox once, at the
// end of the batch. A stream's consecutive events of one batch are encoded
// together once ('\n' between them) and shared by all its subscribers.
//
// Order holds as if each event had been pushed when its job's continuation
// ran: before anything else enters a receiver's inbox during the batch (an
// ack, a grant, a revoke), the events gathered for it so far go in first.
#pragma once

#include <functional>
#include <vector>

#include "server/core/connection.hpp"
#include "storage/core/streams.hpp"

namespace praxis::server {

struct Core;

// Writer thread: runs run_done (a batch's `done` callbacks) gathering what
// they publish, then pushes it (storage::Writer::DoneScope).
void gather_fanout(Core& core, const std::function<void()>& run_done);

// Any thread (the writer's, after a commit): each appended event, encoded
// once, to every subscriber of its stream; inside gather_fanout at the end
// of the batch, otherwise at once.
void publish(Core& core, const std::vector<storage::Append>& appends);

// Inside gather_fanout: pushes the events gathered for c so far (no-op
// elsewhere). delivery.hpp's queue() calls it before pushing anything else.
void flush_fanout(const ConnectionPtr& c);

}  // namespace praxis::server
