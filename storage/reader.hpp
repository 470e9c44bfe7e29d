// Read-only queries on a connection of their own (WAL lets them run while the
// writer commits). A Reader is not thread-safe: use one per thread, e.g. the
// pool in store.hpp. All calls return plain structs; none throws for "not
// found" (empty optional / empty vector instead). SQLite errors are thrown as
// storage::Error.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/types.hpp"

namespace praxis::storage {

class Reader {
 public:
  explicit Reader(const std::string& path);  // ":memory:" is not shareable; tests use a file
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  bool healthy();      // SELECT 1 works
  bool needs_setup();  // no admin user exists

  std::optional<User> user_by_id(Id id);
  std::optional<User> user_by_email(const std::string& email);  // case-insensitive
  // The user of a live (unrevoked, unexpired at `now`) session.
  std::optional<User> session_user(const std::string& token_hash, Millis now);
  std::vector<User> users();              // ordered by display_name, id
  std::vector<Invitation> invitations();  // newest first

  std::optional<Room> room(Id room_id);
  std::optional<Membership> membership(Id room_id, Id user_id);
  // Rooms the user is a member of plus every open room, ordered by name, id.
  std::vector<RoomView> rooms_for(Id user_id);
  // Any existing room, private ones too (membership empty if not a member):
  // the caller decides what the user may see.
  std::optional<RoomView> room_view(Id room_id, Id user_id);
  std::vector<Id> member_room_ids(Id user_id);  // ascending
  std::vector<Member> members(Id room_id);      // ordered by display_name, user_id
  std::vector<Id> member_ids(Id room_id);       // ascending
  std::int64_t room_count_for(Id user_id);

  // Events with seq > after_seq, ascending, at most limit.
  std::vector<Event> events_after(Id room_id, Seq after_seq, std::int64_t limit);
  // Messages (current state) in ascending seq order: the newest `limit` with
  // seq < before (before <= 0: newest overall), or the oldest `limit` with
  // seq > after. *has_more says whether more exist in that direction.
  std::vector<Message> messages_before(Id room_id, Seq before, std::int64_t limit, bool* has_more);
  std::vector<Message> messages_after(Id room_id, Seq after, std::int64_t limit, bool* has_more);
  // unread / mentions as defined in RoomView, for a member.
  void unread(Id room_id, Id user_id, std::int64_t* unread, std::int64_t* mentions);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace praxis::storage
