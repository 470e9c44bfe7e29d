// Getting messages to a connection: encoding and sending on its strand, its
// inbox (thread-safe, in commit order), and stream events exactly once and in
// order, filling any gap from the stream log. fanout.hpp hands a commit's
// appended events to every subscriber.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "protocol/core/messages.hpp"
#include "server/core/connection.hpp"
#include "server/core/limits/outbound_budget.hpp"
#include "storage/core/streams.hpp"

namespace praxis::server {

struct Core;

// An encoded message; its bytes count in outbound_memory() while it lives,
// once however many queues share it.
struct CountedText {
  explicit CountedText(std::string t) : text(std::move(t)) { outbound_memory() += bytes(); }
  ~CountedText() { outbound_memory() -= bytes(); }
  CountedText(const CountedText&) = delete;
  CountedText& operator=(const CountedText&) = delete;
  std::int64_t bytes() const { return static_cast<std::int64_t>(text.size()); }
  std::string text;
};

inline Payload make_payload(std::string text) {
  auto counted = std::make_shared<const CountedText>(std::move(text));
  return Payload(counted, &counted->text);  // one allocation, as make_shared
}

// Strand only: cuts c (close 4008) if the outbound bounds say so
// (limits/outbound_budget.hpp), with outbound_memory() at `memory`; true if cut.
bool cut_if_slow(Core& core, Connection& c, std::int64_t memory);

// Any thread, at most once per 100 ms: every connection checks cut_if_slow on
// its strand. A reader that stopped gets no more messages while writes are
// refused, so its next send() would never come.
void cut_slow_readers(Core& core);

// Strand only: encodes and sends one message.
template <class M>
void send_message(Connection& c, const M& m) {
  c.send(make_payload(protocol::encode(m)));
}
void send_error(Connection& c, const nlohmann::json& rid, protocol::ErrorCode code,
                std::string message);

// Any thread: queues an item in c's inbox, behind what was queued before it
// (a writer batch's events gathered for c too: fanout.hpp), and posts one
// drain to the strand when none is pending.
void queue(Core& core, const ConnectionPtr& c, Connection::Item item);
// The same, without looking at a batch being gathered (fanout.hpp's own push).
void enqueue(Core& core, const ConnectionPtr& c, Connection::Item item);

// Strand only: handles everything queued in c's inbox so far, in order.
void drain_inbox(Core& core, Connection& c);

// Strand only: committed events for c: skips duplicates and events of
// streams being replayed, fills a gap from the database.
void deliver(Core& core, Connection& c, const Connection::Events& events);
// Strand only: sends the stored events (after, upto] of stream (upto <= 0: to
// the newest); returns the last seq sent (or `after`).
Seq send_range(Core& core, Connection& c, Id stream, Seq after, Seq upto);

}  // namespace praxis::server
