// Room writes inside a write job (storage/core/txn.hpp: the rules for
// statuses, exceptions and threads). Events go to the room's stream log and
// the room's projections (room_messages, room_reactions, ...) in the same job.
// Every call decides its own authorisation: who is a member, an owner or a
// moderator of the room, or an instance admin (who moderates every room).
// Rooms one may not see answer kForbidden whether they exist or not.
#pragma once

#include <string>

#include "storage/rooms/types.hpp"

namespace praxis::storage {
class Txn;
}

namespace praxis::storage::rooms {

class Writes {
 public:
  // bodies: how events are stored (the server's wire encoding); must outlive this.
  Writes(Txn& tx, const Bodies& bodies) : tx_(tx), bodies_(bodies) {}

  // ---- rooms and members ----
  // Creates the room (and its stream) with `room.created_by` as owner. Fills
  // room.id. kLimitReached when a cap would be passed.
  Status create_room(Room& room, const Caps& caps);
  // Open room: any user may join; kOk if already a member. New members (here
  // and in add_member) start with read_seq = last_seq: earlier history does
  // not count as unread.
  JoinResult join_room(Id room_id, Id user_id, const Caps& caps, Millis now);
  // kForbidden if not a member; kConflict for the owner (hand the room over first).
  Status leave_room(Id room_id, Id user_id);
  // Owners, moderators and admins add any user; kOk if already a member.
  JoinResult add_member(Id room_id, const Actor& actor, Id user_id, const Caps& caps, Millis now);
  // Owners and admins make a member a moderator or a moderator a member (not
  // the owner: see transfer).
  Status set_role(Id room_id, const Actor& actor, Id user_id, RoomRole role);
  // Owners and admins remove anyone but the owner; moderators remove members.
  Status remove_member(Id room_id, const Actor& actor, Id user_id);
  // The owner (or an admin) makes a member the owner; the old owner becomes a
  // moderator, and is told in the result (an admin's hand-over: not the actor).
  TransferResult transfer(Id room_id, const Actor& actor, Id user_id);
  // Changes the room's settings: the topic is the owner's, the moderators'
  // and admins'; the name and archiving the owner's and admins' (kForbidden).
  // kUnchanged when everything asked for is so already.
  UpdateResult update_room(Id room_id, const Actor& actor, const RoomChanges& changes, Millis now);
  // Moves the read marker forward (never back, never past last_seq); the
  // marker now stored in *read_seq. kForbidden if not a member.
  Status mark_read(Id room_id, Id user_id, Seq seq, Seq* read_seq);

  // ---- room events: all need the actor to be a member (kForbidden) ----
  // An archived room is read-only: its events, joins and invitations are
  // refused with kReadOnly (after kForbidden: what one may not see stays hidden).
  // Same (room, author, non-empty cmid) as an earlier post: kDuplicate with the
  // earlier seq. reply_to must name a message of the room (kNotFound).
  EventResult post_message(const NewMessage& m);
  // Author only (kForbidden); target must be a message not deleted (kNotFound).
  EventResult edit_message(Id room_id, Id actor, Seq target, const std::string& text, Millis now);
  // The author, a moderator, the owner or an admin. Erases the text of the
  // message and of its edits, in the projection and in the log (redacted).
  EventResult delete_message(Id room_id, const Actor& actor, Seq target, Millis now);
  // kUnchanged if the reaction is already in that state (no event);
  // kLimitReached for a new emoji beyond caps.reactions_per_message.
  EventResult react(Id room_id, Id actor, Seq target, const std::string& emoji, bool on,
                    const Caps& caps, Millis now);

 private:
  Txn& tx_;
  const Bodies& bodies_;
};

}  // namespace praxis::storage::rooms
