#include "storage/core/migrate.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <filesystem>

#include "storage/core/connection.hpp"

namespace praxis::storage {

namespace {

constexpr char kMetaExists[] =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
constexpr char kSelectMeta[] = "SELECT value FROM meta WHERE key = ?";
constexpr char kUpsertMeta[] =
    "INSERT INTO meta(key, value) VALUES (?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
constexpr char kVersionKey[] = "version";
constexpr char kLastCompatibleKey[] = "last_compatible_version";
constexpr char kIntegrityCheck[] = "PRAGMA integrity_check";

struct StoredVersion {
  int version = 0;          // 0: empty database
  int last_compatible = 0;  // oldest binary schema version that may open it
};

int read_meta(SQLite::Database& db, const char* key) {
  SQLite::Statement s(db, kSelectMeta);
  s.bind(1, key);
  return s.executeStep() ? s.getColumn(0).getInt() : 0;
}

void write_meta(SQLite::Database& db, const char* key, int value) {
  SQLite::Statement s(db, kUpsertMeta);
  s.bind(1, key);
  s.bind(2, value);
  s.exec();
}

StoredVersion stored_version(SQLite::Database& db) {
  SQLite::Statement exists(db, kMetaExists);
  if (!exists.executeStep() || exists.getColumn(0).getInt() == 0) return {};
  return {read_meta(db, kVersionKey), read_meta(db, kLastCompatibleKey)};
}

void check_compatible(const StoredVersion& v, int supported, const std::string& path) {
  if (v.last_compatible > supported) {
    throw Error("database " + path + " has schema version " + std::to_string(v.version) +
                ", which needs a binary supporting version " + std::to_string(v.last_compatible) +
                "; this one supports up to " + std::to_string(supported));
  }
}

}  // namespace

void migrate(const std::string& path, std::span<const Migration> steps) {
  auto db = detail::open_connection(path, detail::Access::kCreate);
  const int supported = steps.empty() ? 0 : steps.back().version;
  detail::translate("migrate", [&] {
    check_compatible(stored_version(*db), supported, path);
    for (const auto& step : steps) {
      SQLite::Transaction txn(*db, SQLite::TransactionBehavior::IMMEDIATE);
      // Re-read inside the write lock: another process may have migrated.
      auto v = stored_version(*db);
      check_compatible(v, supported, path);
      if (v.version >= step.version) continue;
      step.apply(*db);
      write_meta(*db, kVersionKey, step.version);
      write_meta(*db, kLastCompatibleKey, step.last_compatible);
      txn.commit();
    }
  });
}

int schema_version(const std::string& path) {
  if (!std::filesystem::exists(path)) return 0;
  auto db = detail::open_connection(path, detail::Access::kRead);
  return detail::translate("schema_version", [&] { return stored_version(*db).version; });
}

bool integrity_ok(const std::string& path) {
  auto db = detail::open_connection(path, detail::Access::kRead);
  return detail::translate("integrity_check", [&] {
    SQLite::Statement s(*db, kIntegrityCheck);
    return s.executeStep() && s.getColumn(0).getString() == "ok";
  });
}

}  // namespace praxis::storage
