// A Session without a network: posted work runs at once (as if the strand
// were free), and what is sent or closed is recorded. For in-process tests of
// the hub, delivery and the guards around posted work.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "server/session.hpp"

namespace praxis::server::test {

// A session that records what the hub (or its callers) ask of it.
class FakeSession : public Session {
 public:
  FakeSession(std::uint64_t conn, storage::Id user) : Session(identity(conn, user)) {}

  void send(Payload payload) override { sent.push_back(*payload); }
  void close(std::uint16_t code, std::string reason) override {
    closed.emplace_back(code, std::move(reason));
  }
  std::size_t queued_bytes() const override { return 0; }
  void when_below(std::size_t, std::function<void()> fn) override { fn(); }

  std::vector<std::string> sent;
  std::vector<std::pair<std::uint16_t, std::string>> closed;

 protected:
  void run_on_strand(std::function<void()> fn) override { fn(); }

 private:
  static Identity identity(std::uint64_t conn, storage::Id user) {
    Identity id;
    id.conn_id = conn;
    id.user.id = user;
    id.address = "10.0.0.1";
    return id;
  }
};

inline std::shared_ptr<FakeSession> session(storage::Id user) {
  static std::uint64_t next_conn = 1;
  return std::make_shared<FakeSession>(next_conn++, user);
}

}  // namespace praxis::server::test
