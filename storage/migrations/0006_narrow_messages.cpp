// Schema step 6: the message projection stops copying the log. A post stored
// its text twice, in its log body (stream_events) and in room_messages, and
// the projection's width needed a covering index for unread counts (step 5):
// three B-tree inserts per post where v1 had two, 0.72x v1's group-commit
// inserts (bench scenario 4). Now
//   room_messages.changed_text  NULL while the message is as posted (its text
//                               is its log body's "text"); the text after an
//                               edit; '' once deleted;
//   room_messages_unread        dropped: the rows are narrow enough that the
//                               unread count walks the primary key as fast.
// The log is the record and history reads the text from it (one primary-key
// lookup per message, in the same range). A v5 binary would read NULL text
// and name the dropped index: last_compatible 6. On a large database the
// step rewrites room_messages once (SQLite's DROP COLUMN).
#include <SQLiteCpp/Database.h>

#include "storage/migrations/steps.hpp"

namespace praxis::storage::migrations {

namespace {

constexpr char kNarrowMessages[] = R"sql(
DROP INDEX IF EXISTS room_messages_unread;
ALTER TABLE room_messages ADD COLUMN changed_text TEXT;
-- Where the stored text is not the log body's: edited (v1 bodies carry the
-- current text, so a migrated edit may match) or deleted.
UPDATE room_messages SET changed_text = text
  WHERE text IS NOT (SELECT e.body ->> '$.text' FROM stream_events AS e
                     WHERE e.stream_id = room_messages.room_id AND e.seq = room_messages.seq)
     OR deleted_at IS NOT NULL;
ALTER TABLE room_messages DROP COLUMN text;
)sql";

}  // namespace

void narrow_messages(SQLite::Database& db) { db.exec(kNarrowMessages); }

}  // namespace praxis::storage::migrations
