// All a WebSocket message handler sees (registered with Registry::message):
// who is asking, the request's rid, reads, writes with a continuation after
// the commit, replies and refusals, live connections, the clock. No hub, no
// store, no settings of other features.
//
// Threads: a handler runs on its connection's strand. A write's continuation
// runs on the writer thread right after the commit (keep it short): its
// replies, grants and revokes go through inboxes, so they reach every
// connection in commit order, and the core then publishes what the job
// appended to stream logs: the requester gets its answer before the events.
// A Context is a small value: copy it into continuations.
#pragma once

#include <boost/asio/post.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "protocol/core/messages.hpp"
#include "server/core/connection.hpp"
#include "server/core/services.hpp"

namespace praxis::server {

class Context : public Services {
 public:
  Context(Core& core, ConnectionPtr c, nlohmann::json rid)
      : Services(core), c_(std::move(c)), rid_(std::move(rid)) {}

  const Principal& who() const { return c_->principal(); }
  Id user() const { return c_->user_id(); }
  const nlohmann::json& rid() const { return rid_; }
  // Strand only: the connection's own state (Connection::slot<T>()).
  Connection& connection() { return *c_; }

  // Replies to this request: M's rid is set to the request's. Any thread.
  template <class M>
  void reply(M m) {
    m.rid = rid_;
    send(protocol::encode(m));
  }
  // A message to this connection that answers nothing (no rid). Any thread.
  template <class M>
  void notify(const M& m) {
    send(protocol::encode(m));
  }
  // Refuses the request: an `error` with its rid. Any thread.
  void fail(protocol::ErrorCode code, std::string why);

  // job(storage::Txn&) -> R on the writer; then then(Context&, const R&) once
  // it is durable. A failed commit is answered `internal` (and logged). While
  // more than max_outbound_bytes wait for all connections the write is
  // refused `unavailable` instead, and neither runs (OutboundBudget).
  template <class R, class Job, class Then>
  void write(Job job, Then then);

  // fn(storage::Reader&) -> R on the read pool, then then(Context&, R&) back
  // on this connection's strand: for long reads (search, export, big lists).
  template <class Fn, class Then>
  void read_off_strand(Fn fn, Then then);

 private:
  void send(std::string text);                // through the inbox, bounded by the reply budget
  void failed_read(const std::exception& e);  // logs, answers `internal`
  void committed(storage::Outcome& o, const std::function<void()>& then);
  boost::asio::thread_pool& read_pool();
  // A place in the read pool's bounded queue (false: answered `unavailable`).
  bool enter_read_queue();
  void leave_read_queue();
  // Over the outbound budget: answered `unavailable` (true).
  bool refuse_over_budget();

  ConnectionPtr c_;
  nlohmann::json rid_;
};

template <class R, class Job, class Then>
void Context::write(Job job, Then then) {
  if (refuse_over_budget()) return;
  auto result = std::make_shared<R>();
  store().writer().submit(
      [job = std::move(job), result](storage::Txn& tx) mutable { *result = job(tx); },
      [self = *this, result, then = std::move(then)](storage::Outcome& o) mutable {
        self.committed(o, [&] { then(self, *result); });
      });
}

template <class Fn, class Then>
void Context::read_off_strand(Fn fn, Then then) {
  if (!enter_read_queue()) return;
  boost::asio::post(
      read_pool(), [self = *this, fn = std::move(fn), then = std::move(then)]() mutable {
        auto result = std::make_shared<decltype(self.read(fn))>();
        try {
          *result = self.read(fn);
        } catch (const std::exception& e) {
          self.leave_read_queue();
          return self.failed_read(e);
        }
        self.leave_read_queue();
        self.c_->post([self, result, then = std::move(then)]() mutable { then(self, *result); });
      });
}

}  // namespace praxis::server
