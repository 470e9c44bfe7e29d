// What the rest of the server sees of one WebSocket connection: who it is,
// where each of its rooms stands, and three operations. The transport
// (websocket_session.hpp) implements them; everything else reaches a session
// only through post(), which runs work on the session's strand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/types.hpp"

namespace praxis::server {

using Payload = std::shared_ptr<const std::string>;

struct Identity {
  std::uint64_t conn_id = 0;
  storage::User user;
  std::string token_hash;
  std::string address;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(Identity identity) : identity_(std::move(identity)) {}
  virtual ~Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const Identity& identity() const { return identity_; }
  storage::Id user_id() const { return identity_.user.id; }

  // Thread-safe: runs fn on this session's strand (dropped once it is closed).
  // NOTE: guarded, as RESTinio guards its handlers: an exception from fn is
  // logged with the connection id and closes this connection with 1011; the
  // process and every other connection go on.
  void post(std::function<void()> fn) {
    run_on_strand([self = shared_from_this(), fn = std::move(fn)] { self->guarded(fn); });
  }
  // Strand only: runs fn now, with the same guard as post().
  void guarded(const std::function<void()>& fn) noexcept;

  // Strand only. send() queues one encoded message; close() sends a close
  // frame after what is being written and drops the rest of the queue.
  virtual void send(Payload payload) = 0;
  virtual void close(std::uint16_t code, std::string reason) = 0;
  // Bytes queued and not yet written.
  virtual std::size_t queued_bytes() const = 0;
  // Runs fn on the strand once fewer than `bytes` are queued (posted at once
  // if that is already so). Dropped if the connection closes first.
  virtual void when_below(std::size_t bytes, std::function<void()> fn) = 0;

  // Strand only: per room the user is subscribed to, the highest seq this
  // connection has been sent. Live events at or below it are duplicates.
  std::unordered_map<storage::Id, storage::Seq> delivered;
  // Strand only: rooms still being replayed after hello, in order: replayed up
  // to `pos`, to be replayed up to `target` (the room's last seq at hello).
  // Live events for them wait in the database.
  struct Replay {
    storage::Id room = 0;
    storage::Seq pos = 0;
    storage::Seq target = 0;
  };
  std::deque<Replay> replaying;
  bool greeted = false;

  // What the writer thread hands this connection, in commit order, on its way
  // to the strand (delivery.cpp queue_live): one strand hop carries everything
  // pushed meanwhile, instead of one hop per event per receiver. Either `run`
  // (an answer or a membership change, e.g. unsubscribe on leave), or an event
  // of `room`, or with room 0 a payload (an ack) sent as is. Everything the
  // writer thread sends a session goes this way, so a leave committed before
  // an event is applied before that event arrives.
  struct Live {
    storage::Id room = 0;
    storage::Seq seq = 0;
    Payload payload;
    std::function<void()> run;
  };
  // Thread-safe. True when the caller must post a drain (none is pending).
  bool push_live(Live live) {
    std::lock_guard lock(live_mu_);
    live_.push_back(std::move(live));
    return !std::exchange(drain_pending_, true);
  }
  // Strand only: moves everything pushed so far into `out` (cleared first).
  void take_live(std::vector<Live>& out) {
    out.clear();
    std::lock_guard lock(live_mu_);
    out.swap(live_);
    drain_pending_ = false;
  }
  std::vector<Live> draining;  // strand only: take_live's buffer, reused

 protected:
  // Runs fn on the strand unless the connection has finished.
  virtual void run_on_strand(std::function<void()> fn) = 0;

 private:
  Identity identity_;
  std::mutex live_mu_;
  std::vector<Live> live_;
  bool drain_pending_ = false;
};

}  // namespace praxis::server
