#include "server/core/resume.hpp"

#include <algorithm>

#include "server/core/core.hpp"
#include "server/core/delivery.hpp"

namespace praxis::server {

namespace {

using protocol::ErrorCode;

constexpr std::int64_t kReplayPage = 1000;

// Replays from the front of c->replaying until done or the queue is half full.
void replay_step(Core& core, const ConnectionPtr& c) {
  const std::size_t budget = core.settings.max_queue_bytes / 2;
  while (!c->replaying.empty()) {
    if (c->closing()) return;  // nothing more goes out: stop reading for it
    if (c->queued_bytes() >= budget) {
      return c->when_below(budget / 2, [&core, c] { replay_step(core, c); });
    }
    auto& r = c->replaying.front();
    if (r.stream == 0) {  // the end of the hello replay
      protocol::Synced synced;
      for (const auto& [stream, seq] : c->delivered) synced.streams[stream] = seq;
      send_message(*c, synced);
      c->replaying.pop_front();
      continue;
    }
    auto delivered = c->delivered.find(r.stream);
    if (delivered == c->delivered.end()) {  // unsubscribed meanwhile
      if (!r.subscribed_rid.is_null()) {
        send_error(*c, r.subscribed_rid, ErrorCode::kForbidden, "no longer subscribed");
      }
      c->replaying.pop_front();
      continue;
    }
    if (r.pos < r.target) {
      auto events = core.store->read([&r](storage::Reader& reader) {
        return reader.events_after(r.stream, r.pos, std::min(kReplayPage, r.target - r.pos));
      });
      if (events.empty()) r.pos = r.target;  // cannot happen: seqs are contiguous
      for (const auto& e : events) {
        if (c->queued_bytes() >= budget) break;
        c->send(make_payload(protocol::event_frame(r.stream, e.seq, e.body)));
        r.pos = e.seq;
      }
      continue;
    }
    // What was committed meanwhile goes out now, as part of the replay, up
    // to what reached the inbox: past a revoke (which the inbox carries in
    // commit order), nothing. Another replay of the stream may have sent
    // some of it already.
    drain_inbox(core, *c);
    delivered = c->delivered.find(r.stream);
    if (delivered == c->delivered.end()) continue;  // revoked meanwhile: handled above
    const Seq from = std::max(r.pos, delivered->second);
    if (r.live > from) delivered->second = send_range(core, *c, r.stream, from, r.live);
    delivered->second = std::max(delivered->second, r.pos);
    if (!r.subscribed_rid.is_null()) {
      send_message(*c, protocol::Subscribed{r.subscribed_rid, r.stream, delivered->second});
    }
    c->replaying.pop_front();
  }
}

bool replaying(const Connection& c) { return !c.replaying.empty(); }

// Queues a replay of `stream` from `after`, or `resync` when it is too far
// behind; true if a replay was queued.
bool queue_replay(Core& core, Connection& c, Id stream, Seq after, const std::string& alias,
                  const nlohmann::json& rid) {
  const Seq last = c.delivered[stream];
  if (last - after > core.settings.resume_max_events) {
    send_message(c, protocol::Resync{stream, last, alias});
    return false;
  }
  if (after >= last) return false;
  c.replaying.push_back({stream, after, last, rid});
  return true;
}

std::string alias_of(Core& core, const std::string& kind) {
  const auto* p = core.registry.policy(kind);
  return p ? p->alias : std::string();
}

}  // namespace

Seq subscribe(Core& core, const ConnectionPtr& c, Id stream, const std::string& kind,
              bool present) {
  const bool arrived = core.hub.subscribe(stream, kind, c, present);
  auto head = core.store->read([stream](storage::Reader& r) { return r.stream(stream); });
  const Seq last = head ? head->last_seq : 0;
  auto [it, fresh] = c->delivered.try_emplace(stream, last);
  if (arrived) core.live.announce(stream, kind, c->user_id(), true);
  return fresh ? last : it->second;
}

void unsubscribe(Core& core, const ConnectionPtr& c, Id stream) {
  c->delivered.erase(stream);
  std::string kind;
  if (core.hub.unsubscribe(stream, c.get(), &kind)) {
    core.live.announce(stream, kind, c->user_id(), false);
  }
}

void start_resume(Core& core, const ConnectionPtr& c, const std::map<Id, Seq>& resume) {
  for (const auto& [stream, seq] : resume) {
    if (!c->delivered.count(stream)) continue;  // not subscribed: nothing to resume
    auto head = core.store->read([stream](storage::Reader& r) { return r.stream(stream); });
    queue_replay(core, *c, stream, seq, head ? alias_of(core, head->kind) : "", nullptr);
  }
  c->replaying.push_back({0, 0, 0, nullptr});  // then `synced`
  replay_step(core, c);
}

void handle_subscribe(Core& core, const ConnectionPtr& c, const nlohmann::json& rid, Id stream,
                      std::optional<Seq> after) {
  // Each subscribe costs reads and may start a replay: both are bounded.
  if (c->replaying.size() >= core.settings.max_replays) {
    return send_error(*c, rid, ErrorCode::kRateLimited, "wait for the subscriptions under way");
  }
  if (!core.subscribes.allow(c->user_id())) {
    return send_error(*c, rid, ErrorCode::kRateLimited, "too many subscribe requests; slow down");
  }
  auto head = core.store->read([stream](storage::Reader& r) { return r.stream(stream); });
  const auto* policy = head ? core.registry.policy(head->kind) : nullptr;
  const bool known = policy && policy->may_read;
  const bool already = core.hub.subscribed(stream, c.get());
  // The hub first, then the check: a revoke committed after the check finds
  // this subscription and ends it.
  const Seq last = known ? subscribe(core, c, stream, head->kind, false) : 0;
  const bool may = known && core.store->read([&](storage::Reader& r) {
    return policy->may_read(r, c->principal(), stream);
  });
  if (!may) {
    if (known && !already) unsubscribe(core, c, stream);
    // A stream one may not read looks like one that does not exist.
    return send_error(*c, rid, ErrorCode::kForbidden, "you cannot read this stream");
  }
  const bool queued = after && queue_replay(core, *c, stream, *after, policy->alias, rid);
  if (!queued) {
    // Behind a replay still running (hello's), so `subscribed` keeps its place.
    if (replaying(*c)) {
      c->replaying.push_back({stream, last, last, rid});
    } else {
      send_message(*c, protocol::Subscribed{rid, stream, c->delivered[stream]});
    }
    return;
  }
  if (c->replaying.size() == 1) replay_step(core, c);
}

void handle_unsubscribe(Core& core, const ConnectionPtr& c, const nlohmann::json& rid, Id stream) {
  unsubscribe(core, c, stream);
  send_message(*c, protocol::Unsubscribed{rid, stream});
}

}  // namespace praxis::server
