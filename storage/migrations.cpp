// Schema migrations, Chromium style: one function per step, each run in its
// own transaction that also records the new version. Never edit a released
// step; add a new one, bump kSchemaVersion and save a dump of the released
// schema in tests/unit/storage/schema_vN.sql.
#include "storage/migrations.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <iterator>
#include <string>

#include "storage/connection.hpp"
#include "storage/database.hpp"

namespace praxis::storage {

namespace detail {

namespace {

constexpr char kMetaExists[] =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
constexpr char kSelectMeta[] = "SELECT value FROM meta WHERE key = ?";
constexpr char kUpsertMeta[] =
    "INSERT INTO meta(key, value) VALUES (?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
constexpr char kVersionKey[] = "version";
constexpr char kLastCompatibleKey[] = "last_compatible_version";

// Version 1: accounts, rooms, per-room sequenced events.
//
// rooms.kind leaves room for threads, workspaces and boards; events are
// numbered per room and rooms.last_seq is bumped in the same transaction.
// A message row holds the message's current state (text after edits,
// edited_at, deleted_at); edit/delete/reaction rows record what happened.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  institution TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '[]',
  time_zone TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX users_by_display_name ON users(display_name, id);

CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE invitations(
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

CREATE TABLE setup_tokens(
  token_hash TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;

CREATE TABLE rooms(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'room',
  name TEXT NOT NULL,
  topic TEXT NOT NULL DEFAULT '',
  visibility TEXT NOT NULL CHECK (visibility IN ('open', 'private')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rooms_by_name ON rooms(name, id);

CREATE TABLE room_members(
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('member', 'moderator', 'owner')),
  joined_at INTEGER NOT NULL,
  read_seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (room_id, user_id)
) WITHOUT ROWID;
CREATE INDEX room_members_by_user ON room_members(user_id, room_id);

CREATE TABLE events(
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT '',
  reply_to INTEGER,
  mentions TEXT NOT NULL DEFAULT '[]',
  cmid TEXT NOT NULL DEFAULT '',
  target INTEGER NOT NULL DEFAULT 0,
  emoji TEXT NOT NULL DEFAULT '',
  reaction_on INTEGER NOT NULL DEFAULT 0,
  edited_at INTEGER,
  deleted_at INTEGER,
  PRIMARY KEY (room_id, seq)
) WITHOUT ROWID;
-- History pages and unread counts walk only the messages; with kind it
-- covers the unread count.
CREATE INDEX events_messages ON events(room_id, seq, user_id, deleted_at, kind)
  WHERE kind = 'message';
-- Idempotent posts.
CREATE UNIQUE INDEX events_by_cmid ON events(room_id, user_id, cmid) WHERE cmid <> '';
-- Erasing the edits of a deleted message.
CREATE INDEX events_edits ON events(room_id, target) WHERE kind = 'edit';

CREATE TABLE mentions(
  room_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  seq INTEGER NOT NULL,
  PRIMARY KEY (room_id, user_id, seq),
  FOREIGN KEY (room_id, seq) REFERENCES events(room_id, seq)
) WITHOUT ROWID;

-- The current reactions; id gives the first-use order of an emoji.
CREATE TABLE reactions(
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  emoji TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  UNIQUE (room_id, seq, emoji, user_id),
  FOREIGN KEY (room_id, seq) REFERENCES events(room_id, seq)
);
)sql";

void migrate_to_1(SQLite::Database& db) { db.exec(kSchemaV1); }

struct Migration {
  int version;          // the schema version this step produces
  int last_compatible;  // the oldest schema version a binary must support to open the result
  void (*apply)(SQLite::Database& db);
};

constexpr Migration kMigrations[] = {
    {1, 1, &migrate_to_1},
};

constexpr bool numbered_in_order() {
  for (std::size_t i = 0; i < std::size(kMigrations); ++i) {
    const auto& m = kMigrations[i];
    if (m.version != static_cast<int>(i) + 1 || m.last_compatible > m.version) return false;
  }
  return true;
}
static_assert(std::size(kMigrations) == kSchemaVersion,
              "kSchemaVersion must equal the number of migration steps");
static_assert(numbered_in_order(), "step i must produce version i + 1");

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

void check_compatible(const StoredVersion& v, const std::string& path) {
  if (v.last_compatible > kSchemaVersion) {
    throw Error("database " + path + " has schema version " + std::to_string(v.version) +
                ", which needs a binary supporting version " + std::to_string(v.last_compatible) +
                "; this one supports up to " + std::to_string(kSchemaVersion));
  }
}

}  // namespace

StoredVersion stored_version(SQLite::Database& db) {
  SQLite::Statement exists(db, kMetaExists);
  if (!exists.executeStep() || exists.getColumn(0).getInt() == 0) return {};
  return {read_meta(db, kVersionKey), read_meta(db, kLastCompatibleKey)};
}

}  // namespace detail

void migrate(const std::string& path) {
  auto db = detail::open_connection(path, detail::Access::kCreate);
  detail::translate("migrate", [&] {
    detail::check_compatible(detail::stored_version(*db), path);
    for (const auto& step : detail::kMigrations) {
      SQLite::Transaction txn(*db, SQLite::TransactionBehavior::IMMEDIATE);
      // Re-read inside the write lock: another process may have migrated.
      auto v = detail::stored_version(*db);
      detail::check_compatible(v, path);
      if (v.version >= step.version) continue;
      step.apply(*db);
      detail::write_meta(*db, detail::kVersionKey, step.version);
      detail::write_meta(*db, detail::kLastCompatibleKey, step.last_compatible);
      txn.commit();
    }
  });
}

}  // namespace praxis::storage
