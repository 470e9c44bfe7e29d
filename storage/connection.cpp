#include "storage/connection.hpp"

#include <filesystem>

namespace praxis::storage::detail {

namespace {

constexpr char kPragmaWal[] = "PRAGMA journal_mode = WAL";
constexpr char kPragmaSynchronous[] = "PRAGMA synchronous = FULL";
constexpr char kPragmaForeignKeys[] = "PRAGMA foreign_keys = ON";
constexpr char kPragmaQueryOnly[] = "PRAGMA query_only = ON";
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

std::unique_ptr<SQLite::Database> open_connection(const std::string& path, Access access) {
  if (access != Access::kCreate && !std::filesystem::exists(path)) {
    throw Error("database " + path + " does not exist (not migrated?)");
  }
  return translate(("open " + path).c_str(), [&] {
    int flags = SQLite::OPEN_READWRITE;
    if (access == Access::kCreate) flags |= SQLite::OPEN_CREATE;
    auto db = std::make_unique<SQLite::Database>(path, flags, kBusyTimeoutMs);
    if (access != Access::kRead) db->exec(kPragmaWal);
    db->exec(kPragmaSynchronous);
    db->exec(kPragmaForeignKeys);
    if (access == Access::kRead) db->exec(kPragmaQueryOnly);
    return db;
  });
}

}  // namespace praxis::storage::detail
