-- Schema version 1 as released, with a little data: tests migrate it to the
-- current version (migrations_test.cpp). Never edit; add schema_vN.sql instead.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta(
  key TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta VALUES('last_compatible_version',1);
INSERT INTO meta VALUES('version',1);
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
INSERT INTO users VALUES(1,'ada@school.example','Ada','Omnia','FI','["fi","en"]','Europe/Helsinki','admin','$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA',1767225600000);
INSERT INTO users VALUES(2,'ben@partner.example','Ben','Bfz','DE','["de","en"]','Europe/Berlin','member','$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA',1767225601000);
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
) WITHOUT ROWID;
INSERT INTO sessions VALUES('5e55',1,1767225600000,0,NULL);
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
INSERT INTO invitations VALUES(1,'1a71','ben@partner.example','member',1,1767225600500,1768435200500,1767225601000);
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
INSERT INTO rooms VALUES(1,'room','Work-based learning','Apprenticeship schemes that worked','open',1,1767225602000,4);
CREATE TABLE room_members(
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('member', 'moderator', 'owner')),
  joined_at INTEGER NOT NULL,
  read_seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (room_id, user_id)
) WITHOUT ROWID;
INSERT INTO room_members VALUES(1,1,'owner',1767225602000,4);
INSERT INTO room_members VALUES(1,2,'member',1767225603000,0);
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
INSERT INTO events VALUES(1,1,'message',1,1767225604000,'Has anyone tried dual VET with small firms?','en',NULL,'[2]','c-1',0,'',0,1767225605000,NULL);
INSERT INTO events VALUES(1,2,'edit',1,1767225605000,'Has anyone tried dual VET with small firms?','',NULL,'[]','',1,'',0,NULL,NULL);
INSERT INTO events VALUES(1,3,'message',2,1767225606000,'Yes, in Bavaria.','en',1,'[]','',0,'',0,NULL,NULL);
INSERT INTO events VALUES(1,4,'reaction',1,1767225607000,'','',NULL,'[]','',3,'👍',1,NULL,NULL);
CREATE TABLE mentions(
  room_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  seq INTEGER NOT NULL,
  PRIMARY KEY (room_id, user_id, seq),
  FOREIGN KEY (room_id, seq) REFERENCES events(room_id, seq)
) WITHOUT ROWID;
INSERT INTO mentions VALUES(1,2,1);
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
INSERT INTO reactions VALUES(1,1,3,'👍',1,1767225607000);
CREATE INDEX users_by_display_name ON users(display_name, id);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX rooms_by_name ON rooms(name, id);
CREATE INDEX room_members_by_user ON room_members(user_id, room_id);
CREATE INDEX events_messages ON events(room_id, seq, user_id, deleted_at, kind)
  WHERE kind = 'message';
CREATE UNIQUE INDEX events_by_cmid ON events(room_id, user_id, cmid) WHERE cmid <> '';
CREATE INDEX events_edits ON events(room_id, target) WHERE kind = 'edit';
COMMIT;
