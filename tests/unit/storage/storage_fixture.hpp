// Test helpers: a migrated database file in a temporary directory, with a
// write connection (WriteTxn in autocommit mode: each call commits on its own)
// and a Reader. Removed again at the end of the test.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "storage/database.hpp"
#include "storage/reader.hpp"
#include "storage/types.hpp"
#include "storage/write_txn.hpp"

namespace praxis::storage::test {

inline constexpr std::int64_t kMaxRooms = 500;
inline constexpr Millis kT0 = 1767225600000;

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("praxis-storage-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::string file(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

class Db : public TempDir {
 public:
  Db() : path(file("test.db")) {
    migrate(path);
    conn = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE);
    conn->exec("PRAGMA foreign_keys = ON");
    txn = std::make_unique<WriteTxn>(*conn);
    reader = std::make_unique<Reader>(path);
  }

  // A user "<name>@example.org" called <name>.
  Id user(const std::string& name, UserRole role = UserRole::kMember) {
    User u;
    u.profile.email = name + "@example.org";
    u.profile.display_name = name;
    u.role = role;
    u.password_hash = "hash";
    txn->create_user(u);
    return u.id;
  }

  Id room(Id owner, const std::string& name, Visibility v = Visibility::kOpen) {
    Room r;
    r.name = name;
    r.visibility = v;
    r.created_by = owner;
    txn->create_room(r, kMaxRooms);
    return r.id;
  }

  EventResult post(Id room_id, Id author, const std::string& text, std::vector<Id> mentions = {},
                   std::optional<Seq> reply_to = std::nullopt) {
    NewMessage m;
    m.room_id = room_id;
    m.author = author;
    m.text = text;
    m.lang = "en";
    m.mentions = std::move(mentions);
    m.reply_to = reply_to;
    m.at = kT0;
    return txn->post_message(m);
  }

  Status join(Id room_id, Id user_id) { return txn->join_room(room_id, user_id, kMaxRooms, kT0); }

  std::string path;
  std::unique_ptr<SQLite::Database> conn;
  std::unique_ptr<WriteTxn> txn;
  std::unique_ptr<Reader> reader;
};

}  // namespace praxis::storage::test
