#include "server/rooms/feature.hpp"

#include "server/core/options.hpp"
#include "server/core/registry.hpp"
#include "server/rooms/handlers.hpp"

namespace praxis::server::rooms {

void Feature::options(Options& o) {
  auto& c = config_;
  o.add("max_text_chars", c.limits.max_text_chars, "longest message text (characters)").at_least(1);
  o.add("history_page_max", c.limits.history_page_max, "largest history page").at_least(1);
  o.add("list_page_max", c.limits.list_page_max, "largest page of rooms or members").at_least(1);
  o.add("reply_budget_bytes", c.reply_budget_bytes,
        "largest list or history answer; longer pages are cut and continue")
      .at_least(4096);
  o.add("max_rooms_per_user", c.caps.rooms_per_user, "rooms one user can belong to").at_least(1);
  o.add("max_rooms_created_per_user", c.caps.rooms_created_per_user,
        "rooms one user can create (rooms they left count too)")
      .at_least(1);
  o.add("max_rooms", c.caps.rooms_total, "rooms of the instance").at_least(1);
  o.add("max_reactions_per_message", c.caps.reactions_per_message, "different emoji on one message")
      .at_least(1);
  o.add("messages_per_second", c.messages_per_second,
        "per-user rate of posts, edits, deletions, reactions")
      .at_least(0.001);
  o.add("messages_burst", c.messages_burst, "per-user burst of posts, edits, ...").at_least(1);
  o.add("actions_per_second", c.actions_per_second,
        "per-user rate of room creates, joins, leaves, invitations, role changes")
      .at_least(0.001);
  o.add("actions_burst", c.actions_burst, "per-user burst of room actions").at_least(1);
  o.add("reads_per_second", c.reads_per_second, "per-user rate of read markers").at_least(0.001);
  o.add("reads_burst", c.reads_burst, "per-user burst of read markers").at_least(1);
  o.add("queries_per_second", c.queries_per_second,
        "per-user rate of room lists, member lists and history pages")
      .at_least(0.001);
  o.add("queries_burst", c.queries_burst, "per-user burst of room, member and history reads")
      .at_least(1);
  o.add("typing_per_second", c.typing_per_second, "per-user rate of typing notices passed on")
      .at_least(0.001);
  o.add("typing_burst", c.typing_burst, "per-user burst of typing notices").at_least(1);
}

void Feature::attach(Registry& r) {
  state_ = std::make_unique<State>(config_);
  protocol::rooms::add_room_messages(r.decoders(), config_.limits);
  add_reads(r, *state_);
  add_event_writes(r, *state_);
  add_membership(r, *state_);
  add_settings(r, *state_);
  r.stream_kind(kStreamKind, room_policy());
  r.advertise("max_text_chars", static_cast<std::int64_t>(config_.limits.max_text_chars));
  r.advertise("history_page_max", config_.limits.history_page_max);
  r.advertise("list_page_max", config_.limits.list_page_max);
}

}  // namespace praxis::server::rooms
