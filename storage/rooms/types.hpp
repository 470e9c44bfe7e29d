// The rooms feature's records: rooms, memberships, messages in their current
// state. A room is the stream of the same id (storage/core/streams.hpp): its
// events are numbered by that stream's seq. Plain values.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/core/page.hpp"
#include "storage/core/types.hpp"

namespace praxis::storage::rooms {

enum class RoomRole { kMember, kModerator, kOwner };
enum class Visibility { kOpen, kPrivate };

const char* to_text(RoomRole role);  // "member" | "moderator" | "owner"
const char* to_text(Visibility v);   // "open" | "private"

// Who acts: instance admins may moderate every room.
struct Actor {
  Id user = 0;
  bool admin = false;
};

struct Room {
  Id id = 0;
  std::string name;
  std::string topic;
  Visibility visibility = Visibility::kOpen;
  Id created_by = 0;
  Millis created_at = 0;
  Seq last_seq = 0;                   // of the room's stream
  std::optional<Millis> archived_at;  // archived: read-only (no posts, joins, ...)
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

// A position in a list ordered by (name, id).
struct After {
  std::string name;
  Id id = 0;
};

using storage::Page;

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

struct Unread {
  Seq read_seq = 0;
  std::int64_t unread = 0;
  std::int64_t mentions = 0;
};

// ---- write requests -------------------------------------------------------

// Unread and mention counts stop here (a client shows "9999+").
inline constexpr std::int64_t kUnreadCap = 10000;

// Count limits (settings of praxisd): reached -> kLimitReached.
struct Caps {
  std::int64_t rooms_per_user = 500;          // memberships of one user
  std::int64_t rooms_created_per_user = 100;  // rooms one user created, left ones too
  std::int64_t rooms_total = 10000;           // rooms of the instance
  std::int64_t reactions_per_message = 20;    // distinct emoji on one message
};

// A change of a room's settings: what is set is changed.
struct RoomChanges {
  std::optional<std::string> name;
  std::optional<std::string> topic;
  std::optional<bool> archived;
};

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

// What each room event records. The server turns these into the events' wire
// bodies (protocol/rooms); storage/ knows no wire format.
struct MessageFacts {
  Id room = 0;
  Id by = 0;
  Millis at = 0;
  std::string author_name;  // the display name when it was written
  std::string text;
  std::string lang;
  std::optional<Seq> reply_to;
  std::vector<Id> mentions;
  std::string cmid;
};
// An edit, deletion or reaction of message `target`.
struct ChangeFacts {
  const char* kind = "edit";  // "edit" | "delete" | "reaction"
  Id room = 0;
  Id by = 0;
  Millis at = 0;
  Seq target = 0;
  std::string text;   // edit
  std::string emoji;  // reaction
  bool on = false;    // reaction
};
struct Bodies {
  std::string (*message)(const MessageFacts&) = nullptr;
  std::string (*change)(const ChangeFacts&) = nullptr;
  // The stored body of a message or an edit with its text erased (deletion).
  std::string (*redacted)(const std::string& body) = nullptr;
};

// Result of a write that appends a room event: its seq (on kDuplicate, the
// original's; 0 when nothing was appended).
struct EventResult {
  Status status = Status::kOk;
  Seq seq = 0;
};

// Result of a settings change: the room's members at that moment (who hears it).
struct UpdateResult {
  Status status = Status::kOk;
  std::vector<Id> members;  // ascending
};

// Result of a membership change: the room's last seq at that moment (where
// the member's live stream starts).
struct JoinResult {
  Status status = Status::kOk;
  Seq last_seq = 0;
};

// Result of handing a room over: who owned it before (now a moderator; the
// new owner when it already owned the room; 0 when refused).
struct TransferResult {
  Status status = Status::kOk;
  Id previous_owner = 0;
};

}  // namespace praxis::storage::rooms
