// Private to storage/: schema bookkeeping shared by migrations.cpp and
// database.cpp.
#pragma once

#include <SQLiteCpp/Database.h>

namespace praxis::storage::detail {

struct StoredVersion {
  int version = 0;          // 0: empty database
  int last_compatible = 0;  // oldest binary schema version that may open it
};

// Reads meta; {0, 0} when the meta table does not exist yet.
StoredVersion stored_version(SQLite::Database& db);

}  // namespace praxis::storage::detail
