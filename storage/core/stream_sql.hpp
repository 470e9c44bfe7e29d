// Private to storage/core: the stream queries both the log (writer) and the
// Reader run.
#pragma once

#include "storage/core/statements.hpp"
#include "storage/core/streams.hpp"

namespace praxis::storage::detail {

inline constexpr char kSelectStreamHead[] = "SELECT id, kind, last_seq FROM streams WHERE id = ?";

inline StreamHead read_stream_head(const Query& q) { return {q.i64(0), q.str(1), q.i64(2)}; }

}  // namespace praxis::storage::detail
