#include "storage/core/txn.hpp"

namespace praxis::storage {

namespace {

constexpr char kSavepoint[] = "SAVEPOINT txn_call";
constexpr char kRollbackTo[] = "ROLLBACK TO txn_call";
constexpr char kRelease[] = "RELEASE txn_call";

}  // namespace

using detail::Query;

Txn::Txn(SQLite::Database& db) : cache_(db), log_(cache_, appends_) {}

void Txn::savepoint_begin() {
  log_.write_heads();
  Query(cache_, kSavepoint).exec();
}

void Txn::savepoint_end(bool keep) {
  if (keep) {
    log_.write_heads();  // RELEASE of the outermost savepoint may be the COMMIT
  } else {
    Query(cache_, kRollbackTo).exec();
    log_.drop_heads();
  }
  Query(cache_, kRelease).exec();
}

void Txn::savepoint_abandon() noexcept {
  log_.drop_heads();
  try {
    Query(cache_, kRollbackTo).exec();
    Query(cache_, kRelease).exec();
  } catch (...) {
    // The transaction is gone (SQLite rolled it back); the writer notices.
  }
}

}  // namespace praxis::storage
