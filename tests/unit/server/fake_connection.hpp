// A Connection without a network, for in-process tests of the hub, delivery,
// resume and the guards around posted work. What is sent or closed is
// recorded. Posted work either runs at once (inline: as if the strand were
// free) or waits until the test calls run_posted() on its own thread, so that
// work handed over by other threads (the writer's commits) runs where and
// when the test says.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "server/core/connection.hpp"

namespace praxis::server::test {

class FakeConnection : public Connection {
 public:
  FakeConnection(std::uint64_t conn, Id user, bool inline_strand = true)
      : Connection(identity(conn, user)), inline_(inline_strand) {
    greeted = true;  // past hello: live events are sent
  }
  // Signed in as `principal` (as the upgrade found it), before hello.
  FakeConnection(std::uint64_t conn, Principal principal)
      : Connection(identity(conn, std::move(principal))), inline_(true) {}

  void send(Payload payload) override { sent.push_back(*payload); }
  void close(std::uint16_t code, std::string reason) override {
    closed.emplace_back(code, std::move(reason));
  }
  std::size_t queued_bytes() const override { return queued; }
  bool closing() const override { return !closed.empty(); }
  void when_below(std::size_t, std::function<void()> fn) override { post(std::move(fn)); }

  // Runs what was posted (and what that posts) until nothing is left; returns
  // how many tasks ran. Test thread only.
  std::size_t run_posted() {
    std::size_t n = 0;
    for (;;) {
      std::deque<std::function<void()>> now;
      {
        std::lock_guard lock(mu_);
        now.swap(tasks_);
      }
      if (now.empty()) return n;
      for (auto& fn : now) {
        fn();
        ++n;
      }
    }
  }

  std::vector<std::string> sent;
  std::vector<std::pair<std::uint16_t, std::string>> closed;
  std::size_t queued = 0;

 protected:
  void run_on_strand(std::function<void()> fn) override {
    if (inline_) return fn();
    std::lock_guard lock(mu_);
    tasks_.push_back(std::move(fn));
  }

 private:
  static Identity identity(std::uint64_t conn, Id user) {
    Principal p;
    p.user = user;
    p.display_name = "user" + std::to_string(user);
    return identity(conn, std::move(p));
  }
  static Identity identity(std::uint64_t conn, Principal principal) {
    Identity id;
    id.conn_id = conn;
    id.principal = std::move(principal);
    id.address = "10.0.0.1";
    return id;
  }

  bool inline_;
  std::mutex mu_;
  std::deque<std::function<void()>> tasks_;
};

inline std::shared_ptr<FakeConnection> connection(Id user, bool inline_strand = true) {
  static std::uint64_t next_conn = 1;
  return std::make_shared<FakeConnection>(next_conn++, user, inline_strand);
}

}  // namespace praxis::server::test
