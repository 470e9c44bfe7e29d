// Schema migrations, Chromium style: one function per step, each run in its
// own IMMEDIATE transaction that also records the new version and the oldest
// schema version a binary must support to open the result. The steps
// themselves are an append-only ledger in storage/migrations/.
#pragma once

#include <span>
#include <string>

namespace SQLite {
class Database;
}

namespace praxis::storage {

struct Migration {
  int version;          // the schema version this step produces
  int last_compatible;  // the oldest schema version a binary must support to open the result
  void (*apply)(SQLite::Database& db);
};

// Creates the file if needed and applies every step it has not seen. Throws
// Error if the database was written by a newer binary whose last compatible
// version is above the last step here.
void migrate(const std::string& path, std::span<const Migration> steps);

// The schema version recorded in the file (0 for an empty or missing file).
int schema_version(const std::string& path);

// Runs PRAGMA integrity_check; true when it says "ok".
bool integrity_ok(const std::string& path);

}  // namespace praxis::storage
