// Test helpers: a migrated database file in a temporary directory, with a
// write connection (a Txn in autocommit mode: each call commits on its own)
// and a Reader. Removed again at the end of the test. Only storage/core and
// the schema ledger: features add their own fixtures (rooms/rooms_fixture.hpp).
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "../temp_dir.hpp"
#include "storage/core/connection.hpp"
#include "storage/core/migrate.hpp"
#include "storage/core/reader.hpp"
#include "storage/core/txn.hpp"
#include "storage/migrations/ledger.hpp"

namespace praxis::storage::test {

inline constexpr Millis kT0 = 1767225600000;

using praxis::test::TempDir;

// A file of the source tree, e.g. "tests/unit/storage/migrations/schema_v1.sql".
inline std::string source_text(const std::string& relative) {
  std::ifstream in(std::filesystem::path(PRAXIS_SOURCE_DIR) / relative);
  if (!in) throw std::runtime_error("cannot read " + relative);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The value at `path` ("$.text") of a JSON text, parsed by SQLite: strings as
// they are, numbers in decimal, true/false as "1"/"0"; empty for missing or null.
inline std::optional<std::string> json_field(const std::string& json, const std::string& path) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  SQLite::Statement s(db, "SELECT json_extract(?, ?)");
  s.bind(1, json);
  s.bind(2, path);
  s.executeStep();
  if (s.getColumn(0).isNull()) return std::nullopt;
  return s.getColumn(0).getString();
}

// The first column of the first row of `sql` (0 for no row).
inline std::int64_t scalar(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement s(db, sql);
  return s.executeStep() ? s.getColumn(0).getInt64() : 0;
}

class Db : public TempDir {
 public:
  Db() : path(file("test.db")) {
    migrate(path, schema());
    conn = detail::open_connection(path, detail::Access::kWrite);
    txn = std::make_unique<Txn>(*conn);
    reader = std::make_unique<Reader>(path);
  }

  std::int64_t scalar(const std::string& sql) { return test::scalar(*conn, sql); }

  std::string path;
  std::unique_ptr<SQLite::Database> conn;
  std::unique_ptr<Txn> txn;
  std::unique_ptr<Reader> reader;
};

}  // namespace praxis::storage::test
