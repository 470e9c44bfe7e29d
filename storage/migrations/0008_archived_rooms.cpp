// Schema step 8: rooms can be archived (protocol/rooms/rooms.md, room_update).
//   rooms.archived_at  NULL: open to changes; otherwise when the room was
//                      archived: it stays listed and readable, but takes no
//                      posts, edits, deletions, reactions or new members.
// A v7 binary would let people post in archived rooms: last_compatible 8.
#include <SQLiteCpp/Database.h>

#include "storage/migrations/steps.hpp"

namespace praxis::storage::migrations {

void archived_rooms(SQLite::Database& db) {
  db.exec("ALTER TABLE rooms ADD COLUMN archived_at INTEGER");
}

}  // namespace praxis::storage::migrations
