// Plain records that storage/ returns and takes. No SQLite types leak out of
// storage/: callers see only these structs and the Status codes below.
// Plain values: copy and move them between threads freely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace praxis::storage {

using Id = std::int64_t;
using Seq = std::int64_t;
using Millis = std::int64_t;  // milliseconds since the Unix epoch, UTC

// Outcome of a write. Anything but kOk means the write changed nothing.
enum class Status {
  kOk,
  kDuplicate,     // idempotent retry: the earlier result is returned, nothing new
  kNotFound,      // no such room, message, user, invitation
  kForbidden,     // the actor may not do this
  kConflict,      // unique value taken (e-mail)
  kTooManyRooms,  // membership limit reached
  kUnchanged,     // valid request that changes nothing (reaction already set)
};

enum class UserRole { kMember, kAdmin };
enum class RoomRole { kMember, kModerator, kOwner };
enum class Visibility { kOpen, kPrivate };
enum class EventKind { kMessage, kEdit, kDelete, kReaction };

struct UserProfile {
  std::string email;  // stored lower-cased
  std::string display_name;
  std::string institution;
  std::string country;
  std::vector<std::string> languages;
  std::string time_zone;
};

struct User {
  Id id = 0;
  UserProfile profile;
  UserRole role = UserRole::kMember;
  std::string password_hash;  // encoded KDF string; opaque to storage
  Millis created_at = 0;
};

struct Room {
  Id id = 0;
  std::string kind = "room";  // "room" now; "thread", "workspace", "board" later
  std::string name;
  std::string topic;
  Visibility visibility = Visibility::kOpen;
  Id created_by = 0;
  Millis created_at = 0;
  Seq last_seq = 0;
};

struct Membership {
  Id room_id = 0;
  Id user_id = 0;
  RoomRole role = RoomRole::kMember;
  Seq read_seq = 0;
};

// A room as one user sees it in a room list.
struct RoomView {
  Room room;
  std::optional<Membership> membership;  // empty: not a member (open room)
  std::int64_t unread = 0;               // messages after read_seq by others, not deleted
  std::int64_t mentions = 0;             // of those, how many mention the user
};

struct Member {
  Id user_id = 0;
  std::string display_name;
  std::string institution;
  std::string country;
  RoomRole role = RoomRole::kMember;
};

// One committed change to a room, numbered by seq (contiguous from 1).
struct Event {
  Id room_id = 0;
  Seq seq = 0;
  EventKind kind = EventKind::kMessage;
  Id by = 0;  // acting user
  Millis at = 0;
  std::string author_name;  // display name of `by` (for every kind)
  // kMessage
  // kMessage and kEdit; "" once the message is deleted. A replayed kMessage
  // carries the message's current text (its later edit events repeat it).
  std::string text;
  std::string lang;
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;
  std::string cmid;
  // kEdit, kDelete, kReaction
  Seq target = 0;
  // kReaction
  std::string emoji;
  bool on = false;
};

// A message in its current state (edits, deletion and reactions folded in).
struct Message {
  Seq seq = 0;
  Id by = 0;
  std::string author_name;
  Millis at = 0;
  std::string text;
  std::string lang;
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;
  std::optional<Millis> edited_at;
  bool deleted = false;
  // emoji -> user ids, emoji in first-use order, users ascending
  std::vector<std::pair<std::string, std::vector<Id>>> reactions;
};

struct Invitation {
  Id id = 0;
  std::string email;  // may be empty: anyone with the token
  UserRole role = UserRole::kMember;
  Id created_by = 0;
  Millis created_at = 0;
  Millis expires_at = 0;
  bool used = false;
};

// ---- write requests -------------------------------------------------------

struct NewMessage {
  Id room_id = 0;
  Id author = 0;
  std::string text;
  std::string lang;
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;  // non-members are dropped by the write
  std::string cmid;          // empty: not idempotent
  Millis at = 0;
};

// Result of a write that appends a room event. On kOk the event is filled in;
// on kDuplicate (retried post) event.seq is the original's seq and the event is
// the original message; otherwise event is empty.
struct EventResult {
  Status status = Status::kOk;
  Event event;
};

}  // namespace praxis::storage
