// The stream log: every live object (a room today; a thread, a board, a
// document, a user's notifications next) is a stream with its own sequence.
// Its events are numbered 1, 2, 3 ... without gaps, in commit order, and each
// is stored once as its wire body: a JSON object holding the event's own
// fields, which the server splices into {"type":"event","stream":S,"seq":N,...}
// (protocol/core/messages.hpp event_frame) for live delivery, resume and gap
// fill alike. The log is append-only; the one in-place change is redact()
// (deletion, erasure), which rewrites a stored body.
//
// Schema (storage/migrations/0002_streams.cpp):
//   streams(id, kind, last_seq, created_at)
//   stream_events(stream_id, seq, kind, actor_id NULL, at, cmid, body)
// A feature keeps the current state of its objects in its own projection
// tables, written in the same job as the append.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/core/types.hpp"

namespace praxis::storage {

namespace detail {
class StatementCache;
}

struct StoredEvent {
  Seq seq = 0;
  std::string body;
};

struct StreamHead {
  Id id = 0;
  std::string kind;
  Seq last_seq = 0;
};

// One event appended by a job, published by the server after the commit.
struct Append {
  Id stream = 0;
  Seq seq = 0;
  std::string body;
};

// Writes to the log, inside a write job (storage/core/txn.hpp); writer thread
// only. Every append is also recorded for publication; an append rolled back
// with its savepoint or its job is never published.
class StreamLog {
 public:
  StreamLog(detail::StatementCache& cache, std::vector<Append>& appends)
      : cache_(cache), appends_(appends) {}

  // A new, empty stream of `kind` (e.g. "room"); returns its id.
  Id create(std::string_view kind, Millis at);
  // Appends an event with the next seq and returns that seq. actor: who did
  // it (empty for events without an author, e.g. anonymous ideas); cmid: the
  // client's id for an idempotent retry (see seq_by_cmid), "" for none.
  // Throws Error if the stream does not exist.
  Seq append(Id stream, std::string_view kind, std::optional<Id> actor, Millis at, std::string body,
             std::string_view cmid = {});
  // Replaces the stored body of an event (deletion, erasure): replays show the
  // new body; what was published live stays published.
  void redact(Id stream, Seq seq, const std::string& body);
  std::optional<std::string> body(Id stream, Seq seq);
  // The seq of an earlier event of `actor` in `stream` with this cmid.
  std::optional<Seq> seq_by_cmid(Id stream, Id actor, std::string_view cmid);
  // The stream with its last seq, this transaction's appends included. Inside
  // a write job read a head only here: `streams.last_seq` in SQL may lag (below).
  std::optional<StreamHead> head(Id stream);

  // Txn and Writer only. Within a transaction the log numbers appends from
  // heads kept in memory, and writes them to `streams` only here: before a
  // savepoint begins (so that a rollback to it and drop_heads() agree), before
  // it is released, and before COMMIT. A post thus costs one statement less, and a batch writes
  // each stream's head once instead of once per event.
  void write_heads();
  // The transaction or the savepoint since the last write_heads() was rolled back.
  void drop_heads() { heads_.clear(); }

 private:
  detail::StatementCache& cache_;
  std::vector<Append>& appends_;
  std::unordered_map<Id, Seq> heads_;  // appended to since the last write_heads()
};

}  // namespace praxis::storage
