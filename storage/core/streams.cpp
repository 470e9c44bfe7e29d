#include "storage/core/streams.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include "storage/core/error.hpp"
#include "storage/core/statements.hpp"
#include "storage/core/stream_sql.hpp"

namespace praxis::storage {

namespace {

constexpr char kInsertStream[] = "INSERT INTO streams(kind, last_seq, created_at) VALUES (?, 0, ?)";
// The head is read once per stream and transaction (then kept in heads_) and
// written once, by write_heads(). UPDATE ... RETURNING would not need the
// read, but SQLite builds and drops a temporary B-tree for every RETURNING.
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
  auto it = heads_.find(stream);
  if (it == heads_.end()) {
    Query last(cache_, kSelectLastSeq, stream);
    if (!last.step()) throw Error("append: no stream " + std::to_string(stream));
    it = heads_.emplace(stream, last.i64(0)).first;
  }
  const Seq seq = ++it->second;
  Query(cache_, kInsertEvent, stream, seq, kind, actor, at, cmid, body).exec();
  // Outside a transaction (a Txn in autocommit mode, as tests use it) each
  // statement commits on its own: so does the head.
  if (sqlite3_get_autocommit(cache_.db().getHandle()) != 0) write_heads();
  appends_.push_back({stream, seq, std::move(body)});
  return seq;
}

void StreamLog::write_heads() {
  for (auto& [stream, seq] : heads_) Query(cache_, kUpdateLastSeq, seq, stream).exec();
  heads_.clear();
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
  auto h = detail::one(cache_, detail::kSelectStreamHead, detail::read_stream_head, stream);
  if (auto it = heads_.find(stream); h && it != heads_.end()) h->last_seq = it->second;
  return h;
}

}  // namespace praxis::storage
