#include "storage/core/connection.hpp"

#include <sqlite3.h>

#include <filesystem>

namespace praxis::storage::detail {

namespace {

constexpr char kPragmaWal[] = "PRAGMA journal_mode = WAL";
constexpr char kPragmaSynchronous[] = "PRAGMA synchronous = FULL";
constexpr char kPragmaForeignKeys[] = "PRAGMA foreign_keys = ON";
constexpr char kPragmaQueryOnly[] = "PRAGMA query_only = ON";
// The writer's page cache holds what one group commit touches (SQLite's
// default, 2 MiB, spills pages to the WAL mid-transaction and reads them back).
constexpr char kPragmaWriterCache[] = "PRAGMA cache_size = -32768";  // KiB
// Each job runs in a savepoint, whose sub-journal (the pages it first touched,
// as they were) SQLite spills to a file in /var/tmp past 64 KiB and then keeps
// writing there for the rest of the transaction: seven pwrites per post, a
// third of the writer's time. In memory it holds at most one job's pages
// (emptied at each RELEASE).
constexpr char kPragmaWriterTempStore[] = "PRAGMA temp_store = MEMORY";
// Readers map (up to 1 GiB of) the file instead of copying each page out of
// the OS cache: history p99 0.6 -> 0.2 ms on 10M messages. Mapped pages count
// in the process's RSS, but they are the OS's clean file cache, not heap.
constexpr char kPragmaReaderMmap[] = "PRAGMA mmap_size = 1073741824";
constexpr int kBusyTimeoutMs = 5000;

// Before SQLite initialises (static initialisation, before main): no global
// memory statistics, which take a process-wide mutex on every allocation.
// Fails harmlessly (SQLITE_MISUSE) if SQLite was initialised already.
[[maybe_unused]] const int kMemstatusOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

}  // namespace

std::unique_ptr<SQLite::Database> open_connection(const std::string& path, Access access) {
  if (access != Access::kCreate && !std::filesystem::exists(path)) {
    throw Error("database " + path + " does not exist (not migrated?)");
  }
  return translate(("open " + path).c_str(), [&] {
    // NOMUTEX: a connection is used by one thread at a time (the writer
    // thread, or a reader checked out of Store's pool), so SQLite's own
    // per-call locking only costs (about a tenth of an insert).
    int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;
    if (access == Access::kCreate) flags |= SQLite::OPEN_CREATE;
    auto db = std::make_unique<SQLite::Database>(path, flags, kBusyTimeoutMs);
    if (access != Access::kRead) db->exec(kPragmaWal);
    if (access == Access::kWrite) db->exec(kPragmaWriterCache);
    if (access == Access::kWrite) db->exec(kPragmaWriterTempStore);
    db->exec(kPragmaSynchronous);
    db->exec(kPragmaForeignKeys);
    if (access == Access::kRead) db->exec(kPragmaQueryOnly);
    if (access == Access::kRead) db->exec(kPragmaReaderMmap);
    return db;
  });
}

}  // namespace praxis::storage::detail
