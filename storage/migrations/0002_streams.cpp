// Schema step 2: generic stream logs. Every live object is a stream with its
// own sequence (storage/core/streams.hpp); a room is the stream of the same
// id, so v1 room ids and seqs (clients' resume positions) stay valid. The v1
// `events` table, which was log and message state at once, becomes:
//   stream_events  the append-only log, one stored wire body per event;
//   room_messages  the current state of each message (a projection);
//   room_edits     which edit events belong to which message (to redact them
//                  when the message is deleted);
// and mentions/reactions become room_mentions/room_reactions on room_messages.
#include <SQLiteCpp/Database.h>

#include "storage/migrations/steps.hpp"

namespace praxis::storage::migrations {

namespace {

constexpr char kStreams[] = R"sql(
CREATE TABLE streams(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
INSERT INTO streams(id, kind, last_seq, created_at)
  SELECT id, 'room', last_seq, created_at FROM rooms ORDER BY id;

-- actor_id has no foreign key: the log is the core's, users are a feature's,
-- and an anonymous event has none.
CREATE TABLE stream_events(
  stream_id INTEGER NOT NULL REFERENCES streams(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor_id INTEGER,
  at INTEGER NOT NULL,
  cmid TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  PRIMARY KEY (stream_id, seq)
) WITHOUT ROWID;
-- Idempotent retries.
CREATE UNIQUE INDEX stream_events_by_cmid ON stream_events(stream_id, actor_id, cmid)
  WHERE cmid <> '';

-- The wire body of each v1 event, as the rooms feature writes it
-- (protocol/rooms/encode.cpp body()).
INSERT INTO stream_events(stream_id, seq, kind, actor_id, at, cmid, body)
  SELECT e.room_id, e.seq, e.kind, e.user_id, e.at, e.cmid,
    CASE e.kind
      WHEN 'message' THEN json_object(
        'room', e.room_id, 'kind', 'message', 'by', e.user_id, 'at', e.at,
        'author_name', u.display_name, 'text', e.text, 'lang', e.lang,
        'reply_to', e.reply_to, 'mentions', json(e.mentions), 'cmid', e.cmid)
      WHEN 'edit' THEN json_object(
        'room', e.room_id, 'kind', 'edit', 'by', e.user_id, 'at', e.at,
        'target', e.target, 'text', e.text)
      WHEN 'reaction' THEN json_object(
        'room', e.room_id, 'kind', 'reaction', 'by', e.user_id, 'at', e.at,
        'target', e.target, 'emoji', e.emoji,
        'on', json(CASE WHEN e.reaction_on <> 0 THEN 'true' ELSE 'false' END))
      ELSE json_object(
        'room', e.room_id, 'kind', e.kind, 'by', e.user_id, 'at', e.at, 'target', e.target)
    END
  FROM events AS e JOIN users AS u ON u.id = e.user_id
  ORDER BY e.room_id, e.seq;

CREATE TABLE room_messages(
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  seq INTEGER NOT NULL,
  author_id INTEGER NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  text TEXT NOT NULL,
  lang TEXT NOT NULL,
  reply_to INTEGER,
  mentions TEXT NOT NULL DEFAULT '[]',
  edited_at INTEGER,
  deleted_at INTEGER,
  PRIMARY KEY (room_id, seq)
) WITHOUT ROWID;
INSERT INTO room_messages(room_id, seq, author_id, at, text, lang, reply_to, mentions,
                          edited_at, deleted_at)
  SELECT room_id, seq, user_id, at, text, lang, reply_to, mentions, edited_at, deleted_at
  FROM events WHERE kind = 'message' ORDER BY room_id, seq;
-- Unread counts walk only what they count.
CREATE INDEX room_messages_unread ON room_messages(room_id, seq, author_id)
  WHERE deleted_at IS NULL;

CREATE TABLE room_edits(
  room_id INTEGER NOT NULL,
  target INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (room_id, target, seq),
  FOREIGN KEY (room_id, target) REFERENCES room_messages(room_id, seq)
) WITHOUT ROWID;
INSERT INTO room_edits(room_id, target, seq)
  SELECT room_id, target, seq FROM events WHERE kind = 'edit' ORDER BY room_id, target, seq;

CREATE TABLE room_mentions(
  room_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  seq INTEGER NOT NULL,
  PRIMARY KEY (room_id, user_id, seq),
  FOREIGN KEY (room_id, seq) REFERENCES room_messages(room_id, seq)
) WITHOUT ROWID;
INSERT INTO room_mentions(room_id, user_id, seq)
  SELECT room_id, user_id, seq FROM mentions ORDER BY room_id, user_id, seq;

-- The current reactions; id gives the first-use order of an emoji.
CREATE TABLE room_reactions(
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  emoji TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  UNIQUE (room_id, seq, emoji, user_id),
  FOREIGN KEY (room_id, seq) REFERENCES room_messages(room_id, seq)
);
INSERT INTO room_reactions(id, room_id, seq, emoji, user_id, at)
  SELECT id, room_id, seq, emoji, user_id, at FROM reactions ORDER BY id;

DROP TABLE mentions;
DROP TABLE reactions;
DROP TABLE events;

-- The log numbers a room's events now; "kind" planned threads and boards as
-- rows of rooms, which they are not.
ALTER TABLE rooms DROP COLUMN last_seq;
ALTER TABLE rooms DROP COLUMN kind;
-- Rooms a user created (including rooms they left): a cap per creator.
CREATE INDEX rooms_by_creator ON rooms(created_by);
)sql";

}  // namespace

void streams(SQLite::Database& db) { db.exec(kStreams); }

}  // namespace praxis::storage::migrations
