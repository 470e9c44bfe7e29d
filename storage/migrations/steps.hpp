// Private to storage/migrations: one function per schema step, each in its
// own file NNNN_<what>.cpp. The ledger (ledger.cpp) lists them in order.
#pragma once

namespace SQLite {
class Database;
}

namespace praxis::storage::migrations {

void foundation(SQLite::Database& db);          // 1
void streams(SQLite::Database& db);             // 2
void accounts_lifecycle(SQLite::Database& db);  // 3
void unread_by_key(SQLite::Database& db);       // 4
void unread_index(SQLite::Database& db);        // 5
void narrow_messages(SQLite::Database& db);     // 6
void lean_messages(SQLite::Database& db);       // 7
void archived_rooms(SQLite::Database& db);      // 8

}  // namespace praxis::storage::migrations
