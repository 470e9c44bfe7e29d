// praxis_seed: fills a Praxis data dir for the benchmarks, fast.
//
// The schema comes from storage::migrate with the server's own ledger; the
// rows are written with direct SQL in large transactions (synchronous=OFF while
// seeding), not through storage::Writer: users with a dummy password hash (no
// argon2), session tokens stored as the server stores them (SHA-256, lower
// hex, by server/core/tokens.cpp token_hash itself), open rooms (each with its
// stream), memberships, and optionally messages (the stream log with bodies
// encoded by protocol/rooms itself, and the room_messages projection). The
// tokens go to --tokens FILE, one line per user: "<user_id> <token> <room_id>"
// (room 0: in no room).
//
//   praxis_seed --data-dir D --users N --rooms R --room-size K [--tokens F]
//               [--messages-per-room M] [--unread U]
//   praxis_seed --data-dir D --add-messages-per-room M   (existing database)
//
// Member i (0-based) of the first R*K users is in room i/K+1; users beyond R*K
// are in no room. --unread U sets every member's read marker U messages
// before the end of its room.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "protocol/rooms/messages.hpp"
#include "server/core/tokens.hpp"
#include "storage/migrations/ledger.hpp"

namespace {

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

struct Options {
  std::string data_dir;
  std::int64_t users = 0, rooms = 0, room_size = 0, messages_per_room = 0, add_per_room = 0;
  std::int64_t unread = -1;
  std::string tokens;
};

constexpr char kInsertEvent[] =
    "INSERT INTO stream_events(stream_id, seq, kind, actor_id, at, body) "
    "VALUES (?, ?, 'message', ?, ?, ?)";
constexpr char kInsertMessage[] =
    "INSERT INTO room_messages(room_id, seq, author_id) VALUES (?, ?, ?)";

// Appends `count` messages to every room, authors cycling through its members.
void add_messages(SQLite::Database& db, std::int64_t count) {
  struct RoomRow {
    std::int64_t id, last_seq;
    std::vector<std::int64_t> members;
  };
  std::vector<RoomRow> rooms;
  {
    SQLite::Statement q(
        db,
        "SELECT r.id, s.last_seq FROM rooms AS r JOIN streams AS s ON s.id = r.id ORDER BY r.id");
    while (q.executeStep())
      rooms.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), {}});
    SQLite::Statement m(db, "SELECT user_id FROM room_members WHERE room_id = ? ORDER BY user_id");
    for (auto& r : rooms) {
      m.bind(1, r.id);
      while (m.executeStep()) r.members.push_back(m.getColumn(0).getInt64());
      m.reset();
    }
  }
  SQLite::Statement ins(db, kInsertEvent);
  SQLite::Statement msg(db, kInsertMessage);
  SQLite::Statement bump(db, "UPDATE streams SET last_seq = ? WHERE id = ?");
  const auto at = now_ms();
  const std::string text =
      "Seeded message: how do apprenticeships work in small firms? Lorem ipsum dolor sit amet.";
  std::int64_t in_txn = 0, total = 0;
  auto txn = std::make_unique<SQLite::Transaction>(db);
  for (auto& r : rooms) {
    if (r.members.empty()) continue;
    for (std::int64_t i = 0; i < count; ++i) {
      const auto author = r.members[static_cast<std::size_t>(i) % r.members.size()];
      ++r.last_seq;
      praxis::protocol::rooms::MessageEvent e;
      e.room = r.id;
      e.by = author;
      e.at = at;
      e.author_name = "User " + std::to_string(author);
      e.text = text;
      e.lang = "en";
      ins.bind(1, r.id);
      ins.bind(2, r.last_seq);
      ins.bind(3, author);
      ins.bind(4, at);
      ins.bind(5, praxis::protocol::rooms::body(e));
      ins.exec();
      ins.reset();
      msg.bind(1, r.id);
      msg.bind(2, r.last_seq);
      msg.bind(3, author);
      msg.exec();
      msg.reset();
      if (++in_txn == 500000) {
        txn->commit();
        txn = std::make_unique<SQLite::Transaction>(db);
        in_txn = 0;
      }
      ++total;
    }
    bump.bind(1, r.last_seq);
    bump.bind(2, r.id);
    bump.exec();
    bump.reset();
  }
  txn->commit();
  std::cerr << "seed: added " << total << " messages\n";
}

void seed(SQLite::Database& db, const Options& o) {
  const auto at = now_ms();
  std::ofstream tokens;
  if (!o.tokens.empty()) tokens.open(o.tokens);
  SQLite::Transaction txn(db);
  SQLite::Statement user(db,
                         "INSERT INTO users(id, email, display_name, role, password_hash, "
                         "created_at) VALUES (?, ?, ?, ?, 'bench-no-login', ?)");
  SQLite::Statement session(
      db, "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, 0)");
  SQLite::Statement stream(
      db, "INSERT INTO streams(id, kind, last_seq, created_at) VALUES (?, 'room', 0, ?)");
  SQLite::Statement room(db,
                         "INSERT INTO rooms(id, name, visibility, created_by, created_at) "
                         "VALUES (?, ?, 'open', ?, ?)");
  SQLite::Statement member(db,
                           "INSERT INTO room_members(room_id, user_id, role, joined_at) "
                           "VALUES (?, ?, ?, ?)");
  for (std::int64_t i = 0; i < o.users; ++i) {
    const std::int64_t id = i + 1;
    user.bind(1, id);
    user.bind(2, "u" + std::to_string(id) + "@bench.example");
    user.bind(3, "User " + std::to_string(id));
    user.bind(4, id == 1 ? "admin" : "member");
    user.bind(5, at);
    user.exec();
    user.reset();
    const std::string token = "bench-" + std::to_string(id) + "-" +
                              praxis::server::token_hash(std::to_string(id)).substr(0, 24);
    session.bind(1, praxis::server::token_hash(token));
    session.bind(2, id);
    session.bind(3, at);
    session.exec();
    session.reset();
    const std::int64_t room_id =
        (o.room_size > 0 && i < o.rooms * o.room_size) ? i / o.room_size + 1 : 0;
    if (tokens.is_open()) tokens << id << ' ' << token << ' ' << room_id << '\n';
  }
  for (std::int64_t r = 0; r < o.rooms; ++r) {
    const std::int64_t room_id = r + 1;
    const std::int64_t owner = r * o.room_size + 1;
    stream.bind(1, room_id);
    stream.bind(2, at);
    stream.exec();
    stream.reset();
    room.bind(1, room_id);
    room.bind(2, "Bench room " + std::to_string(room_id));
    room.bind(3, owner);
    room.bind(4, at);
    room.exec();
    room.reset();
    for (std::int64_t k = 0; k < o.room_size; ++k) {
      member.bind(1, room_id);
      member.bind(2, owner + k);
      member.bind(3, k == 0 ? "owner" : "member");
      member.bind(4, at);
      member.exec();
      member.reset();
    }
  }
  txn.commit();
  std::cerr << "seed: " << o.users << " users, " << o.rooms << " rooms of " << o.room_size << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const std::string v = argv[i + 1];
    if (k == "--data-dir")
      o.data_dir = v;
    else if (k == "--users")
      o.users = std::stoll(v);
    else if (k == "--rooms")
      o.rooms = std::stoll(v);
    else if (k == "--room-size")
      o.room_size = std::stoll(v);
    else if (k == "--tokens")
      o.tokens = v;
    else if (k == "--messages-per-room")
      o.messages_per_room = std::stoll(v);
    else if (k == "--add-messages-per-room")
      o.add_per_room = std::stoll(v);
    else if (k == "--unread")
      o.unread = std::stoll(v);
    else {
      std::cerr << "praxis_seed: unknown option " << k << "\n";
      return 2;
    }
  }
  if (o.data_dir.empty() || o.rooms * o.room_size > o.users) {
    std::cerr << "usage: praxis_seed --data-dir D --users N --rooms R --room-size K [--tokens F] "
                 "[--messages-per-room M] | --data-dir D --add-messages-per-room M\n";
    return 2;
  }
  try {
    const auto t0 = std::chrono::steady_clock::now();
    std::filesystem::create_directories(o.data_dir);
    const std::string path = (std::filesystem::path(o.data_dir) / "praxis.db").string();
    praxis::storage::migrate(path, praxis::storage::schema());
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -262144");
    if (o.users > 0) seed(db, o);
    if (o.messages_per_room > 0) add_messages(db, o.messages_per_room);
    if (o.add_per_room > 0) add_messages(db, o.add_per_room);
    if (o.unread >= 0) {
      SQLite::Statement q(db,
                          "UPDATE room_members SET read_seq = max(0, (SELECT last_seq FROM streams "
                          "WHERE streams.id = room_members.room_id) - ?)");
      q.bind(1, o.unread);
      q.exec();
    }
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "seed: done in %.1f s\n", s);
  } catch (const std::exception& e) {
    std::cerr << "praxis_seed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
