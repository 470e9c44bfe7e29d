// The schema: every migration step in order, append-only. A feature that
// needs tables adds a step file here and one line to the ledger; released
// steps are never edited, and tests/unit/storage/migrations/schema_vN.sql
// keeps a dump of each released schema to migrate from.
#pragma once

#include <span>

#include "storage/core/migrate.hpp"

namespace praxis::storage {

inline constexpr int kSchemaVersion = 8;

std::span<const Migration> schema();

}  // namespace praxis::storage
