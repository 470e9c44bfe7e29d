// Private to storage/: the state and helpers behind WriteTxn, shared by
// write_txn.cpp (accounts), write_rooms.cpp and write_events.cpp.
#pragma once

#include <optional>
#include <string>

#include "storage/connection.hpp"
#include "storage/statements.hpp"
#include "storage/write_txn.hpp"

namespace praxis::storage {

struct WriteTxn::Impl {
  explicit Impl(SQLite::Database& db) : cache(db) {}

  // Runs fn (returning Status or EventResult) in a savepoint of its own. A
  // status other than kOk/kDuplicate, or an exception, rolls the savepoint
  // back; SQLite exceptions leave as Error.
  template <class Fn>
  auto guarded(const char* what, Fn&& fn) -> decltype(fn()) {
    return detail::translate(what, [&] {
      savepoint_begin();
      try {
        auto result = fn();
        savepoint_end(keeps(status_of(result)));
        return result;
      } catch (...) {
        savepoint_abandon();
        throw;
      }
    });
  }

  // For an op that refuses (returns a status) only before its first write:
  // no savepoint of its own, which in a group commit of thousands of jobs
  // costs more than the insert itself (SQLite journals every page the
  // savepoint touches first). An exception still rolls the whole job back
  // (Writer's savepoint per job). SQLite exceptions leave as Error.
  template <class Fn>
  auto refuses_first(const char* what, Fn&& fn) -> decltype(fn()) {
    return detail::translate(what, std::forward<Fn>(fn));
  }

  // The actor's membership in a room, with what writes need of room and user.
  struct Actor {
    RoomRole role = RoomRole::kMember;
    Seq last_seq = 0;
    std::string display_name;
  };
  std::optional<Actor> actor(Id room_id, Id user_id);
  bool user_exists(Id user_id);
  std::int64_t room_count(Id user_id);
  void insert_member(Id room_id, Id user_id, RoomRole role, Millis at, Seq read_seq);

  // A message event that edits, deletions and reactions may target.
  struct Target {
    Id author = 0;
  };
  // kNotFound unless `seq` is a message of the room that is not deleted.
  std::optional<Target> live_message(Id room_id, Seq seq);
  // Inserts e (e.seq is set to last_seq + 1) and bumps rooms.last_seq.
  void append(Event& e, Seq last_seq);

  detail::StatementCache cache;

 private:
  static Status status_of(Status s) { return s; }
  static Status status_of(const EventResult& r) { return r.status; }
  static bool keeps(Status s) { return s == Status::kOk || s == Status::kDuplicate; }
  void savepoint_begin();
  void savepoint_end(bool keep);
  void savepoint_abandon() noexcept;
};

// An EventResult carrying only a failure status.
inline EventResult failed(Status s) { return EventResult{s, {}}; }

}  // namespace praxis::storage
