// Private to storage/: the state and helpers behind Reader, shared by
// reader.cpp (accounts), reader_rooms.cpp and reader_events.cpp.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "storage/connection.hpp"
#include "storage/reader.hpp"
#include "storage/statements.hpp"

namespace praxis::storage {

struct Reader::Impl {
  explicit Impl(const std::string& path)
      : db(detail::open_connection(path, detail::Access::kRead)), cache(*db) {}

  // The first row of sql(args) read by `read`, if any.
  template <class Read, class... Args>
  auto one(const char* sql, Read read, const Args&... args)
      -> std::optional<decltype(read(std::declval<const detail::Query&>()))> {
    detail::Query q(cache, sql, args...);
    if (!q.step()) return std::nullopt;
    return read(q);
  }

  // Every row of sql(args) read by `read`.
  template <class Read, class... Args>
  auto all(const char* sql, Read read, const Args&... args)
      -> std::vector<decltype(read(std::declval<const detail::Query&>()))> {
    std::vector<decltype(read(std::declval<const detail::Query&>()))> rows;
    detail::Query q(cache, sql, args...);
    while (q.step()) rows.push_back(read(q));
    return rows;
  }

  // The single integer that sql(args) returns (COUNT(*) and the like).
  template <class... Args>
  std::int64_t count(const char* sql, const Args&... args) {
    detail::Query q(cache, sql, args...);
    return q.step() ? q.i64(0) : 0;
  }

  // Runs fn in one read transaction, so its queries see one snapshot.
  template <class Fn>
  auto snapshot(Fn&& fn) -> decltype(fn()) {
    begin();
    try {
      auto result = fn();
      end();
      return result;
    } catch (...) {
      abandon();
      throw;
    }
  }

  // Fills unread and mentions of a member's view (see RoomView).
  void count_unread(RoomView& v);

  // Adds the current reactions to `page` (ascending seq).
  void fold_reactions(Id room_id, std::vector<Message>& page);

  void begin();
  void end();
  void abandon() noexcept;

  std::unique_ptr<SQLite::Database> db;
  detail::StatementCache cache;
};

}  // namespace praxis::storage
