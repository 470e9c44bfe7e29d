// Schema step 3: the account lifecycle (protocol/accounts/accounts.md).
//   users.deactivated_at        NULL: active; a deactivated user keeps their
//                               content but can neither sign in nor use a session;
//   sessions                    gain a numeric id (to list and revoke them
//                               without showing the token's hash) and the client's
//                               address and user agent; the v1/v2 table was
//                               WITHOUT ROWID keyed by token_hash, so it is
//                               rebuilt: every session, revoked or not, keeps its
//                               token hash, owner and times, and stays valid;
//   invitations.revoked_at      an admin took the invitation back;
//   password_resets             one-time reset links issued by an admin.
// A v2 binary would let deactivated users and revoked invitations back in:
// the ledger marks this step as not openable by one (last_compatible 3).
#include <SQLiteCpp/Database.h>

#include "storage/migrations/steps.hpp"

namespace praxis::storage::migrations {

namespace {

constexpr char kAccountsLifecycle[] = R"sql(
ALTER TABLE users ADD COLUMN deactivated_at INTEGER;

CREATE TABLE sessions_v3(
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  address TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
-- Oldest first, so that ids follow creation like those of new sessions.
INSERT INTO sessions_v3(token_hash, user_id, created_at, expires_at, revoked_at)
  SELECT token_hash, user_id, created_at, expires_at, revoked_at FROM sessions
  ORDER BY created_at, token_hash;
DROP TABLE sessions;
ALTER TABLE sessions_v3 RENAME TO sessions;
-- A user's sessions, newest first (and revoking them all).
CREATE INDEX sessions_by_user ON sessions(user_id, created_at, id);

ALTER TABLE invitations ADD COLUMN revoked_at INTEGER;
-- The invitation list, newest first.
CREATE INDEX invitations_by_created ON invitations(created_at, id);

CREATE TABLE password_resets(
  token_hash TEXT PRIMARY KEY NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
) WITHOUT ROWID;
-- Spending a user's other links when one is used or a new one is issued.
CREATE INDEX password_resets_by_user ON password_resets(user_id) WHERE used_at IS NULL;
)sql";

}  // namespace

void accounts_lifecycle(SQLite::Database& db) { db.exec(kAccountsLifecycle); }

}  // namespace praxis::storage::migrations
