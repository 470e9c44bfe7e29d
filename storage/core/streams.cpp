#include "storage/core/streams.hpp"

#include "storage/core/error.hpp"
#include "storage/core/statements.hpp"
#include "storage/core/stream_sql.hpp"

namespace praxis::storage {

namespace {

constexpr char kInsertStream[] = "INSERT INTO streams(kind, last_seq, created_at) VALUES (?, 0, ?)";
// Read, then write: UPDATE ... RETURNING would do it in one statement, but
// SQLite builds and drops a temporary B-tree for every RETURNING, which cost
// more than the two statements (a tenth of a post).
constexpr char kSelectLastSeq[] = "SELECT last_seq FROM streams WHERE id = ?";
constexpr char kUpdateLastSeq[] = "UPDATE streams SET last_seq = ? WHERE id = ?";
constexpr char kInsertEvent[] =
    "INSERT INTO stream_events(stream_id, seq, kind, actor_id, at, cmid, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr char kUpdateBody[] = "UPDATE stream_events SET body = ? WHERE stream_id = ? AND seq = ?";
constexpr char kSelectBody[] = "SELECT body FROM stream_events WHERE stream_id = ? AND seq = ?";
constexpr char kSelectSeqByCmid[] =
    "SELECT seq FROM stream_events WHERE stream_id = ? AND actor_id = ? AND cmid = ? "
    "AND cmid <> ''";

}  // namespace

using detail::Query;

Id StreamLog::create(std::string_view kind, Millis at) {
  Query(cache_, kInsertStream, kind, at).exec();
  return cache_.db().getLastInsertRowid();
}

Seq StreamLog::append(Id stream, std::string_view kind, std::optional<Id> actor, Millis at,
                      std::string body, std::string_view cmid) {
  Seq seq = 0;
  {
    Query last(cache_, kSelectLastSeq, stream);
    if (!last.step()) throw Error("append: no stream " + std::to_string(stream));
    seq = last.i64(0) + 1;
  }
  Query(cache_, kUpdateLastSeq, seq, stream).exec();
  Query(cache_, kInsertEvent, stream, seq, kind, actor, at, cmid, body).exec();
  appends_.push_back({stream, seq, std::move(body)});
  return seq;
}

void StreamLog::redact(Id stream, Seq seq, const std::string& body) {
  Query(cache_, kUpdateBody, body, stream, seq).exec();
}

std::optional<std::string> StreamLog::body(Id stream, Seq seq) {
  return detail::one(
      cache_, kSelectBody, [](const Query& q) { return q.str(0); }, stream, seq);
}

std::optional<Seq> StreamLog::seq_by_cmid(Id stream, Id actor, std::string_view cmid) {
  if (cmid.empty()) return std::nullopt;
  return detail::one(cache_, kSelectSeqByCmid, detail::read_id, stream, actor, cmid);
}

std::optional<StreamHead> StreamLog::head(Id stream) {
  return detail::one(cache_, detail::kSelectStreamHead, detail::read_stream_head, stream);
}

}  // namespace praxis::storage
