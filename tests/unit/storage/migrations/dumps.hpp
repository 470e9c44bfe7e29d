// Released schemas as SQL dumps (schema_vN*.sql beside this file), loaded
// into database files; and what a migration test compares: schemas and rows.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <set>
#include <string>
#include <vector>

#include "../storage_fixture.hpp"

namespace praxis::storage::test {

// A new database file `name` in tmp holding the dump `dump` (a file name here).
inline std::string load_dump(const TempDir& tmp, const std::string& name, const std::string& dump) {
  auto path = tmp.file(name);
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(source_text("tests/unit/storage/migrations/" + dump));
  return path;
}

// Every schema object's SQL, to compare a migrated database with a fresh one.
inline std::set<std::string> schema_of(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Statement s(db, "SELECT type, name, tbl_name, sql FROM sqlite_master");
  std::set<std::string> out;
  while (s.executeStep()) {
    out.insert(s.getColumn(0).getString() + " " + s.getColumn(1).getString() + " on " +
               s.getColumn(2).getString() + ": " + s.getColumn(3).getString());
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

// The rows of `sql` as text ("NULL" for NULL), in the order it gives.
inline Rows rows(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Statement s(db, sql);
  Rows out;
  while (s.executeStep()) {
    std::vector<std::string> row;
    for (int i = 0; i < s.getColumnCount(); ++i) {
      auto c = s.getColumn(i);
      row.push_back(c.isNull() ? "NULL" : c.getString());
    }
    out.push_back(std::move(row));
  }
  return out;
}

inline void set_meta(const std::string& path, int version, int last_compatible) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec("UPDATE meta SET value = " + std::to_string(version) + " WHERE key = 'version'");
  db.exec("UPDATE meta SET value = " + std::to_string(last_compatible) +
          " WHERE key = 'last_compatible_version'");
}

}  // namespace praxis::storage::test
