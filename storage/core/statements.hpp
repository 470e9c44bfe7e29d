// Private to storage/ (core and features): prepared statements cached per
// connection and borrowed one query at a time, and the row helpers every
// query module uses (one, all, count).
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace praxis::storage::detail {

// Prepares each SQL constant once. Keyed by the constant's address: pass
// named constants (constexpr char[]), never built strings.
class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}
  SQLite::Statement& get(const char* sql);
  SQLite::Database& db() { return db_; }

 private:
  SQLite::Database& db_;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

// One use of a cached statement. It is reset when the Query goes out of scope,
// so no read transaction stays open between calls.
class Query {
 public:
  template <class... Args>
  Query(StatementCache& cache, const char* sql, const Args&... args) : s_(cache.get(sql)) {
    int i = 0;
    (bind_one(++i, args), ...);
  }
  ~Query() { s_.tryReset(); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  bool step() { return s_.executeStep(); }
  // Runs a statement that returns no rows; the number of rows changed.
  int exec() { return s_.exec(); }

  std::int64_t i64(int col) const { return s_.getColumn(col).getInt64(); }
  std::string str(int col) const { return s_.getColumn(col).getString(); }
  bool flag(int col) const { return s_.getColumn(col).getInt64() != 0; }
  bool is_null(int col) const { return s_.getColumn(col).isNull(); }
  std::optional<std::int64_t> opt_i64(int col) const {
    auto c = s_.getColumn(col);
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
  }

 private:
  void bind_one(int i, std::int64_t v) { s_.bind(i, v); }
  void bind_one(int i, int v) { s_.bind(i, v); }
  void bind_one(int i, bool v) { s_.bind(i, v ? 1 : 0); }
  void bind_one(int i, const std::string& v) { s_.bind(i, v); }
  void bind_one(int i, std::string_view v) { s_.bind(i, std::string(v)); }
  void bind_one(int i, const char* v) { s_.bind(i, v); }
  void bind_one(int i, std::nullopt_t) { s_.bind(i); }
  void bind_one(int i, const std::optional<std::int64_t>& v) {
    if (v) {
      s_.bind(i, *v);
    } else {
      s_.bind(i);
    }
  }

  SQLite::Statement& s_;
};

// The first row of sql(args) read by `read`, if any.
template <class Read, class... Args>
auto one(StatementCache& cache, const char* sql, Read read, const Args&... args)
    -> std::optional<decltype(read(std::declval<const Query&>()))> {
  Query q(cache, sql, args...);
  if (!q.step()) return std::nullopt;
  return read(q);
}

// Every row of sql(args) read by `read`, in the order the SQL gives.
template <class Read, class... Args>
auto all(StatementCache& cache, const char* sql, Read read, const Args&... args)
    -> std::vector<decltype(read(std::declval<const Query&>()))> {
  std::vector<decltype(read(std::declval<const Query&>()))> rows;
  Query q(cache, sql, args...);
  while (q.step()) rows.push_back(read(q));
  return rows;
}

// The single integer that sql(args) returns (COUNT(*) and the like); 0 for no row.
template <class... Args>
std::int64_t count(StatementCache& cache, const char* sql, const Args&... args) {
  Query q(cache, sql, args...);
  return q.step() ? q.i64(0) : 0;
}

// Whether sql(args) returns a row.
template <class... Args>
bool exists(StatementCache& cache, const char* sql, const Args&... args) {
  return Query(cache, sql, args...).step();
}

inline std::int64_t read_id(const Query& q) { return q.i64(0); }

}  // namespace praxis::storage::detail
