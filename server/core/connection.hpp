// What the rest of the server sees of one WebSocket connection: who it is,
// where each of its streams stands, its inbox, and a few operations. The
// transport (websocket_session.hpp) implements them; everything else reaches a
// connection through post() (its strand) or push() (its inbox).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "server/core/principal.hpp"

namespace praxis::server {

using Payload = std::shared_ptr<const std::string>;

struct Identity {
  std::uint64_t conn_id = 0;
  Principal principal;
  std::string address;  // the client's (behind a trusted proxy: from X-Forwarded-For)
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  explicit Connection(Identity identity) : identity_(std::move(identity)) {}
  virtual ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const Identity& identity() const { return identity_; }
  const Principal& principal() const { return identity_.principal; }
  Id user_id() const { return identity_.principal.user; }
  std::uint64_t id() const { return identity_.conn_id; }
  // Strand only, once (at hello): the USER object to welcome with. Not kept
  // afterwards: a connection lives for hours, the object is used once.
  nlohmann::json take_welcome_info() { return std::move(identity_.principal.info); }

  // Thread-safe: runs fn on this connection's strand (dropped once it is closed).
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
  // Strand only: close() was called (nothing more will be sent).
  virtual bool closing() const = 0;
  // Strand only: a write has waited for the peer longer than
  // OutboundBudget::kStall (a reader that stopped, or a very slow link).
  virtual bool stalled() const { return false; }
  // Runs fn on the strand once fewer than `bytes` are queued (posted at once
  // if that is already so). Dropped if the connection closes first.
  virtual void when_below(std::size_t bytes, std::function<void()> fn) = 0;
  // Strand only: while corked, send() queues without starting a write; the
  // last uncork() starts one for all of it (an ack and its event, a welcome
  // and synced leave in one write). Use Corked.
  virtual void cork() {}
  virtual void uncork() {}
  class Corked {
   public:
    explicit Corked(Connection& c) : c_(c) { c_.cork(); }
    ~Corked() { c_.uncork(); }
    Corked(const Corked&) = delete;
    Corked& operator=(const Corked&) = delete;

   private:
    Connection& c_;
  };

  // ---- the inbox ----------------------------------------------------------
  // Everything committed writes tell a connection (acks, events, membership
  // changes, answers) goes through its inbox, in commit order, and reaches
  // the strand in one hop for everything pushed meanwhile (delivery.hpp
  // drains it). An item is committed events (deduplicated, gaps filled), a
  // payload sent as is, or `run` (work on the strand).
  //
  // Events of one stream, seqs first..last, encoded as one text ('\n'
  // between them): what a commit appended there, shared by every receiver.
  struct Events {
    Id stream = 0;
    Seq first = 0;
    Seq last = 0;
    Payload payload;
  };
  struct Item {
    Payload payload;
    std::vector<Events> events;
    std::function<void()> run;

    static Item message(Payload p) { return {std::move(p), {}, nullptr}; }
    static Item work(std::function<void()> fn) { return {nullptr, {}, std::move(fn)}; }
  };
  // Thread-safe. True when the caller must post a drain (none is pending).
  bool push(Item item) {
    std::lock_guard lock(inbox_mu_);
    inbox_.push_back(std::move(item));
    return !std::exchange(drain_pending_, true);
  }
  // Strand only: moves everything pushed so far into `out` (cleared first).
  void take(std::vector<Item>& out) {
    out.clear();
    std::lock_guard lock(inbox_mu_);
    out.swap(inbox_);
    drain_pending_ = false;
  }
  std::vector<Item> draining;  // strand only: take()'s buffer, reused
  // Strand only, once the connection has ended: forgets what is still queued.
  void drop_inbox() {
    std::vector<Item> rest;
    take(rest);
    draining.clear();
  }

  // ---- strand-only delivery state (delivery.hpp, resume.hpp) -------------
  // Per subscribed stream, the highest seq this connection has been sent.
  std::unordered_map<Id, Seq> delivered;
  // Streams being replayed, in order: replayed up to `pos`, to be replayed
  // up to `target` (the stream's last seq when the replay began); their live
  // events wait in the database, and `live` is the highest of them that came
  // through the inbox meanwhile (what this connection may still be sent: the
  // inbox stops at a revoke). `subscribed_rid` (not null): answer a subscribe
  // with `subscribed` when done; stream 0: the end of the hello replay (send
  // `synced`).
  struct Replay {
    Id stream = 0;
    Seq pos = 0;
    Seq target = 0;
    nlohmann::json subscribed_rid;
    Seq live = 0;
  };
  // A list, not a deque: an empty std::deque holds a 512-byte block, and
  // almost every connection has nothing to replay almost all the time.
  std::list<Replay> replaying;
  bool greeted = false;

  // Strand only: per-connection state of a feature, one slot per type.
  template <class T>
  T& slot() {
    auto& p = slots_[std::type_index(typeid(T))];
    if (!p) p = std::make_shared<T>();
    return *std::static_pointer_cast<T>(p);
  }

 protected:
  // Runs fn on the strand unless the connection has finished.
  virtual void run_on_strand(std::function<void()> fn) = 0;

 private:
  Identity identity_;
  std::mutex inbox_mu_;
  std::vector<Item> inbox_;
  bool drain_pending_ = false;
  std::unordered_map<std::type_index, std::shared_ptr<void>> slots_;
};

using ConnectionPtr = std::shared_ptr<Connection>;

}  // namespace praxis::server
