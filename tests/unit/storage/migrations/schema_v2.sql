-- Schema version 2 as released, with a little data: tests migrate it to the
-- current version (v2_accounts_test.cpp). Made from schema_v1.sql with step 2
-- applied, plus rows as a v2 binary writes them. Never edit; add schema_vN.sql instead.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta(
  key TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta VALUES('last_compatible_version',2);
INSERT INTO meta VALUES('version',2);
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
INSERT INTO users VALUES(3,'cem@school.example','Cem','Omnia','FI','["fi","tr"]','Europe/Helsinki','member','$argon2id$v=19$m=19456,t=2,p=1$c2FsdDI$aGFzaDI',1767225700000);
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
) WITHOUT ROWID;
INSERT INTO sessions VALUES('0ld5',1,1767225650000,1769817650000,1767225660000);
INSERT INTO sessions VALUES('5e55',1,1767225600000,0,NULL);
INSERT INTO sessions VALUES('a0a0',1,1767225720000,1767225730000,NULL);
INSERT INTO sessions VALUES('be11',2,1767225710000,1769817710000,NULL);
INSERT INTO sessions VALUES('ce44',3,1767225700000,1769817700000,NULL);
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
INSERT INTO invitations VALUES(2,'2b72','','admin',1,1767225690000,1768435290000,NULL);
INSERT INTO invitations VALUES(3,'3c73','cem@school.example','member',1,1767225695000,1768435295000,1767225700000);
CREATE TABLE setup_tokens(
  token_hash TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;
CREATE TABLE rooms(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  topic TEXT NOT NULL DEFAULT '',
  visibility TEXT NOT NULL CHECK (visibility IN ('open', 'private')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL);
INSERT INTO rooms VALUES(1,'Work-based learning','Apprenticeship schemes that worked','open',1,1767225602000);
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
CREATE TABLE streams(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
INSERT INTO streams VALUES(1,'room',4,1767225602000);
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
INSERT INTO stream_events VALUES(1,1,'message',1,1767225604000,'c-1','{"room":1,"kind":"message","by":1,"at":1767225604000,"author_name":"Ada","text":"Has anyone tried dual VET with small firms?","lang":"en","reply_to":null,"mentions":[2],"cmid":"c-1"}');
INSERT INTO stream_events VALUES(1,2,'edit',1,1767225605000,'','{"room":1,"kind":"edit","by":1,"at":1767225605000,"target":1,"text":"Has anyone tried dual VET with small firms?"}');
INSERT INTO stream_events VALUES(1,3,'message',2,1767225606000,'','{"room":1,"kind":"message","by":2,"at":1767225606000,"author_name":"Ben","text":"Yes, in Bavaria.","lang":"en","reply_to":1,"mentions":[],"cmid":""}');
INSERT INTO stream_events VALUES(1,4,'reaction',1,1767225607000,'','{"room":1,"kind":"reaction","by":1,"at":1767225607000,"target":3,"emoji":"👍","on":true}');
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
INSERT INTO room_messages VALUES(1,1,1,1767225604000,'Has anyone tried dual VET with small firms?','en',NULL,'[2]',1767225605000,NULL);
INSERT INTO room_messages VALUES(1,3,2,1767225606000,'Yes, in Bavaria.','en',1,'[]',NULL,NULL);
CREATE TABLE room_edits(
  room_id INTEGER NOT NULL,
  target INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (room_id, target, seq),
  FOREIGN KEY (room_id, target) REFERENCES room_messages(room_id, seq)
) WITHOUT ROWID;
INSERT INTO room_edits VALUES(1,1,2);
CREATE TABLE room_mentions(
  room_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  seq INTEGER NOT NULL,
  PRIMARY KEY (room_id, user_id, seq),
  FOREIGN KEY (room_id, seq) REFERENCES room_messages(room_id, seq)
) WITHOUT ROWID;
INSERT INTO room_mentions VALUES(1,2,1);
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
INSERT INTO room_reactions VALUES(1,1,3,'👍',1,1767225607000);
CREATE INDEX users_by_display_name ON users(display_name, id);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX rooms_by_name ON rooms(name, id);
CREATE INDEX room_members_by_user ON room_members(user_id, room_id);
CREATE UNIQUE INDEX stream_events_by_cmid ON stream_events(stream_id, actor_id, cmid)
  WHERE cmid <> '';
CREATE INDEX room_messages_unread ON room_messages(room_id, seq, author_id)
  WHERE deleted_at IS NULL;
CREATE INDEX rooms_by_creator ON rooms(created_by);
COMMIT;
