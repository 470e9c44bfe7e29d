// Schema step 4: room_messages loses the index room_messages_unread. Unread
// and mention counts walk the primary key range (room_id, seq > read_seq)
// instead, which measured as fast (bench scenario 4: unread p50 0.10 ms, p99
// 0.16-0.18 ms on 10M messages, 900 unread, against 0.10 / 0.26-0.41 with the
// index), while every post wrote one B-tree page fewer (scenario 2: mean
// commit 0.51-0.70 ms against 0.59-0.71 with it). A v3 binary opens a v4
// database as it is (it only misses the index): last_compatible 3.
#include <SQLiteCpp/Database.h>

#include "storage/migrations/steps.hpp"

namespace praxis::storage::migrations {

void unread_by_key(SQLite::Database& db) { db.exec("DROP INDEX IF EXISTS room_messages_unread"); }

}  // namespace praxis::storage::migrations
