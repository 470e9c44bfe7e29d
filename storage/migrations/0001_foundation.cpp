// Schema step 1 (released): accounts, rooms, per-room sequenced events.
// Never edit a released step: add a new one (storage/migrations/ledger.cpp).
#include <SQLiteCpp/Database.h>

#include "storage/migrations/steps.hpp"

namespace praxis::storage::migrations {

namespace {

// Events were numbered per room and rooms.last_seq bumped in the same
// transaction; a message row held the message's current state (text after
// edits, edited_at, deleted_at). Step 2 replaces that with stream logs.
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

}  // namespace

void foundation(SQLite::Database& db) { db.exec(kSchemaV1); }

}  // namespace praxis::storage::migrations
