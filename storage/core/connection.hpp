// Private to storage/ (core and features): opening connections with the project's pragmas, and
// keeping SQLiteCpp's exceptions inside storage/.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <memory>
#include <string>

#include "storage/core/error.hpp"

namespace praxis::storage::detail {

enum class Access {
  kCreate,      // read-write, creates the file (migrations)
  kWrite,       // read-write, the file must exist (the writer)
  kRead,        // query_only, the file must exist (readers)
  kCheckpoint,  // read-write, the file must exist, nothing else (storage/core/checkpointer.hpp)
};

// Opens `path` and applies journal_mode=WAL (writable access), synchronous=FULL,
// foreign_keys=ON and busy_timeout=5000. Throws Error.
std::unique_ptr<SQLite::Database> open_connection(const std::string& path, Access access);

// Runs fn; an SQLite exception leaves as Error("<what>: <sqlite message>").
template <class Fn>
auto translate(const char* what, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    throw Error(std::string(what) + ": " + e.what());
  }
}

}  // namespace praxis::storage::detail
