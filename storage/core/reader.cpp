#include "storage/core/reader.hpp"

#include <algorithm>

#include "storage/core/connection.hpp"
#include "storage/core/statements.hpp"
#include "storage/core/stream_sql.hpp"

namespace praxis::storage {

namespace {

constexpr char kBegin[] = "BEGIN";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";
constexpr char kSelectOne[] = "SELECT 1";
constexpr char kSelectEventsAfter[] =
    "SELECT seq, body FROM stream_events WHERE stream_id = ? AND seq > ? ORDER BY seq LIMIT ?";

}  // namespace

struct Reader::Impl {
  explicit Impl(const std::string& path)
      : db(detail::open_connection(path, detail::Access::kRead)), cache(*db) {}
  std::unique_ptr<SQLite::Database> db;
  detail::StatementCache cache;
};

Reader::Reader(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}
Reader::~Reader() = default;

detail::StatementCache& Reader::statements() { return impl_->cache; }

void Reader::begin() {
  detail::translate("begin", [&] { detail::Query(impl_->cache, kBegin).exec(); });
}
void Reader::end() {
  detail::translate("commit", [&] { detail::Query(impl_->cache, kCommit).exec(); });
}
void Reader::abandon() noexcept {
  try {
    detail::Query(impl_->cache, kRollback).exec();
  } catch (...) {
    // No transaction left to end.
  }
}

bool Reader::healthy() {
  try {
    return detail::count(impl_->cache, kSelectOne) == 1;
  } catch (const std::exception&) {
    return false;
  }
}

std::vector<StoredEvent> Reader::events_after(Id stream, Seq after, std::int64_t limit) {
  return detail::translate("events_after", [&] {
    return detail::all(
        impl_->cache, kSelectEventsAfter,
        [](const detail::Query& q) {
          return StoredEvent{q.i64(0), q.str(1)};
        },
        stream, after, std::max<std::int64_t>(limit, 0));
  });
}

std::optional<StreamHead> Reader::stream(Id stream) {
  return detail::translate("stream", [&] {
    return detail::one(impl_->cache, detail::kSelectStreamHead, detail::read_stream_head, stream);
  });
}

}  // namespace praxis::storage
