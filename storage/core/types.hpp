// Values every part of storage/ shares: ids, sequence numbers, times, and the
// outcome of a write. Feature records live in storage/<feature>/types.hpp.
// Plain values: copy and move them between threads freely.
#pragma once

#include <cstdint>

namespace praxis::storage {

using Id = std::int64_t;
using Seq = std::int64_t;
using Millis = std::int64_t;  // milliseconds since the Unix epoch, UTC

// Outcome of a write. Anything but kOk (and kDuplicate) means it changed nothing.
enum class Status {
  kOk,
  kDuplicate,     // idempotent retry: the earlier result is returned, nothing new
  kNotFound,      // no such thing
  kForbidden,     // the actor may not do this
  kConflict,      // a unique value is taken, or the state does not allow it
  kLimitReached,  // a count limit (rooms per user, reactions per message, ...) is reached
  kUnchanged,     // a valid request that changes nothing
  kReadOnly,      // the target is closed to changes (archived, locked)
};

}  // namespace praxis::storage
