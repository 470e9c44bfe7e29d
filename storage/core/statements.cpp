#include "storage/core/statements.hpp"

namespace praxis::storage::detail {

SQLite::Statement& StatementCache::get(const char* sql) {
  auto& s = statements_[sql];
  if (!s) s = std::make_unique<SQLite::Statement>(db_, sql);
  return *s;
}

}  // namespace praxis::storage::detail
