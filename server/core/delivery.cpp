#include "server/core/delivery.hpp"

#include <algorithm>

#include "protocol/core/limits.hpp"
#include "server/core/core.hpp"
#include "server/core/fanout.hpp"
#include "server/core/log.hpp"

namespace praxis::server {

namespace {

constexpr std::int64_t kReplayPage = 1000;

// The replay of `stream` under way, if any (its first entry).
Connection::Replay* replay_of(Connection& c, Id stream) {
  for (auto& r : c.replaying) {
    if (r.stream == stream) return &r;
  }
  return nullptr;
}

}  // namespace

bool cut_if_slow(Core& core, Connection& c, std::int64_t memory) {
  const auto budget = core.settings.outbound_budget();
  // NOTE: stalled() reads the clock: only over the budget.
  if (c.closing() || !budget.cuts(c.queued_bytes(), memory, budget.over(memory) && c.stalled())) {
    return false;
  }
  ++core.metrics.slow_consumers;
  log::warn("slow_consumer", {{"conn", std::to_string(c.id())},
                              {"queued_bytes", std::to_string(c.queued_bytes())},
                              {"outbound_memory_bytes", std::to_string(memory)}});
  c.close(protocol::kCloseSlowConsumer, "slow consumer");
  return true;
}

void cut_slow_readers(Core& core) {
  constexpr Millis kEvery = 100;
  const auto now = core.clock.now();
  auto seen = core.last_slow_scan.load();
  if (now - seen < kEvery || !core.last_slow_scan.compare_exchange_strong(seen, now)) return;
  for (auto& c : core.hub.all_connections()) {
    c->post([c, &core] { cut_if_slow(core, *c, outbound_memory().load()); });
  }
}

void drain_inbox(Core& core, Connection& c) {
  Connection::Corked corked(c);  // what the drain sends leaves in one write
  c.take(c.draining);
  for (auto& item : c.draining) {
    if (item.run) {
      item.run();
    } else if (!c.greeted) {
      // Before hello nothing is sent: hello subscribes and replays everything.
    } else if (item.payload) {
      c.send(std::move(item.payload));
    } else {
      for (const auto& events : item.events) deliver(core, c, events);
    }
  }
  c.draining.clear();  // keeps the capacity, drops the payloads
}

void send_error(Connection& c, const nlohmann::json& rid, protocol::ErrorCode code,
                std::string message) {
  send_message(c, protocol::ErrorReply{rid, protocol::Error{code, std::move(message)}});
}

void queue(Core& core, const ConnectionPtr& c, Connection::Item item) {
  flush_fanout(c);
  enqueue(core, c, std::move(item));
}

void enqueue(Core& core, const ConnectionPtr& c, Connection::Item item) {
  if (c->push(std::move(item))) c->post([&core, c] { drain_inbox(core, *c); });
}

Seq send_range(Core& core, Connection& c, Id stream, Seq after, Seq upto) {
  for (;;) {
    auto events = core.store->read(
        [&](storage::Reader& r) { return r.events_after(stream, after, kReplayPage); });
    for (const auto& e : events) {
      if (upto > 0 && e.seq > upto) return after;
      c.send(make_payload(protocol::event_frame(stream, e.seq, e.body)));
      after = e.seq;
    }
    if (static_cast<std::int64_t>(events.size()) < kReplayPage) return after;
  }
}

void deliver(Core& core, Connection& c, const Connection::Events& e) {
  if (auto* r = replay_of(c, e.stream)) {  // the replay reads them from the database
    r->live = std::max(r->live, e.last);
    return;
  }
  auto it = c.delivered.find(e.stream);
  if (it == c.delivered.end() || e.last <= it->second) return;
  if (e.first <= it->second) {  // partly sent already (a subscribe met them): the rest
    it->second = send_range(core, c, e.stream, it->second, e.last);
    return;
  }
  if (e.first > it->second + 1) it->second = send_range(core, c, e.stream, it->second, e.first - 1);
  c.send(e.payload);
  it->second = e.last;
}

}  // namespace praxis::server
