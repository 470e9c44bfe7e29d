// Opening the database file: pragmas (WAL, synchronous=FULL, foreign keys,
// busy timeout) and schema migrations. Thread-safe: each call opens its own
// connection.
#pragma once

#include <stdexcept>
#include <string>

namespace praxis::storage {

// What storage/ throws for failures that are not domain outcomes (I/O errors,
// a corrupt or too-new database). Message is meant for the operator.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Current schema version and the oldest version this binary can still read.
inline constexpr int kSchemaVersion = 1;

// Creates the file if needed and migrates it to kSchemaVersion, each step in its
// own transaction. Throws Error if the database was written by a newer binary
// whose last compatible version is above kSchemaVersion.
void migrate(const std::string& path);

// Returns the schema version recorded in the file (0 for an empty file).
int schema_version(const std::string& path);

// Runs PRAGMA integrity_check; true when it says "ok".
bool integrity_ok(const std::string& path);

}  // namespace praxis::storage
