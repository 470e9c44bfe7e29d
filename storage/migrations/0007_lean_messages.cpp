// Schema step 7: the message projection keeps only what changes after a post
// or what queries filter on: (room_id, seq), author_id, edited_at, deleted_at
// and changed_text (step 6). `at`, `lang`, `reply_to` and `mentions` never
// change once posted and are the log's (stream_events.at and the body; the
// mentions are also room_mentions'); history reads them in the same walk of
// the log as the texts. The unread count walks these rows: about 20 B each
// instead of about 36, fewer pages than v1's covering index (bench scenario 4).
// A v6 binary would read the dropped columns: last_compatible 7. On a large
// database each DROP COLUMN rewrites room_messages once.
#include <SQLiteCpp/Database.h>

#include "storage/migrations/steps.hpp"

namespace praxis::storage::migrations {

namespace {

constexpr char kLeanMessages[] = R"sql(
ALTER TABLE room_messages DROP COLUMN at;
ALTER TABLE room_messages DROP COLUMN lang;
ALTER TABLE room_messages DROP COLUMN reply_to;
ALTER TABLE room_messages DROP COLUMN mentions;
)sql";

}  // namespace

void lean_messages(SQLite::Database& db) { db.exec(kLeanMessages); }

}  // namespace praxis::storage::migrations
