#include "storage/database.hpp"

#include <filesystem>

#include "storage/connection.hpp"
#include "storage/migrations.hpp"

namespace praxis::storage {

namespace {

constexpr char kIntegrityCheck[] = "PRAGMA integrity_check";

}  // namespace

int schema_version(const std::string& path) {
  if (!std::filesystem::exists(path)) return 0;
  auto db = detail::open_connection(path, detail::Access::kRead);
  return detail::translate("schema_version", [&] { return detail::stored_version(*db).version; });
}

bool integrity_ok(const std::string& path) {
  auto db = detail::open_connection(path, detail::Access::kRead);
  return detail::translate("integrity_check", [&] {
    SQLite::Statement s(*db, kIntegrityCheck);
    return s.executeStep() && s.getColumn(0).getString() == "ok";
  });
}

}  // namespace praxis::storage
