#include "server/core/limits/connection_limits.hpp"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

namespace praxis::server {
namespace {

using Slots = std::vector<std::unique_ptr<ConnectionLimits::Slot>>;

// Opens sockets from `peer` until one is refused (at most `most`); keeps them.
std::size_t open_all(ConnectionLimits& l, const std::string& peer, Slots& held,
                     std::size_t most = 1000) {
  std::size_t n = 0;
  for (; n < most; ++n) {
    auto s = l.open_socket(peer);
    if (!s) break;
    held.push_back(std::move(s));
  }
  return n;
}

TEST_CASE("connection limits: sockets in all") {
  ConnectionLimits l;
  l.configure(3, 10, 10, {});
  Slots held;
  for (const char* peer : {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) {
    auto s = l.open_socket(peer);
    REQUIRE(s);
    held.push_back(std::move(s));
  }
  CHECK(l.open_sockets() == 3);
  CHECK_FALSE(l.open_socket("10.0.0.4"));
  CHECK(l.open_sockets() == 3);  // a refusal holds nothing

  held.pop_back();  // a closed connection gives its slot back
  CHECK(l.open_sockets() == 2);
  CHECK(l.open_socket("10.0.0.4"));
}

TEST_CASE("connection limits: sockets per peer") {
  ConnectionLimits l;
  l.configure(100, 2, 10, {});
  Slots a, b;
  CHECK(open_all(l, "10.0.0.1", a) == 2);
  CHECK(open_all(l, "10.0.0.2", b) == 2);  // another peer has its own count
  CHECK(l.open_sockets() == 4);

  a.clear();
  CHECK(l.open_sockets() == 2);
  CHECK(open_all(l, "10.0.0.1", a) == 2);  // back to the full allowance, no more
  CHECK(open_all(l, "10.0.0.2", b) == 0);
}

TEST_CASE("connection limits: trusted proxies are exempt per peer, not in all") {
  ConnectionLimits l;
  l.configure(5, 1, 10, {"10.0.0.9", "::1"});
  Slots held;
  CHECK(open_all(l, "10.0.0.9", held, 3) == 3);  // more than one from the proxy
  CHECK(open_all(l, "::1", held) == 2);          // up to the total
  CHECK(l.open_sockets() == 5);
  CHECK_FALSE(l.open_socket("10.0.0.1"));
  held.clear();
  CHECK(l.open_sockets() == 0);
  CHECK(open_all(l, "10.0.0.1", held) == 1);  // an ordinary peer: one
}

TEST_CASE("connection limits: WebSockets per client address") {
  ConnectionLimits l;
  l.configure(100, 100, 2, {"10.0.0.9"});
  Slots held;
  for (int i = 0; i < 2; ++i) {
    auto s = l.open_websocket("198.51.100.7");
    REQUIRE(s);
    held.push_back(std::move(s));
  }
  CHECK_FALSE(l.open_websocket("198.51.100.7"));
  auto other = l.open_websocket("198.51.100.8");
  CHECK(other);
  CHECK(l.open_sockets() == 0);  // counted apart from sockets

  // A proxy's own address is no exception here (it is a client address).
  held.push_back(l.open_websocket("10.0.0.9"));
  held.push_back(l.open_websocket("10.0.0.9"));
  CHECK(held.back());
  CHECK_FALSE(l.open_websocket("10.0.0.9"));
  held.erase(held.begin());
  CHECK(l.open_websocket("198.51.100.7"));
  CHECK(l.open_sockets() == 0);
}

TEST_CASE("connection limits: slots are released by destruction, in any order") {
  ConnectionLimits l;
  l.configure(4, 2, 2, {});
  {
    Slots held;
    open_all(l, "10.0.0.1", held);
    open_all(l, "10.0.0.2", held);
    auto ws = l.open_websocket("10.0.0.1");
    REQUIRE(ws);
    REQUIRE(l.open_sockets() == 4);
    held.erase(held.begin() + 1);
    held.erase(held.begin() + 2);
    CHECK(l.open_sockets() == 2);
  }
  CHECK(l.open_sockets() == 0);
  Slots again;
  CHECK(open_all(l, "10.0.0.1", again) == 2);
  CHECK(open_all(l, "10.0.0.2", again) == 2);
  CHECK(l.open_websocket("10.0.0.1"));
  CHECK(l.open_websocket("10.0.0.1"));
}

}  // namespace
}  // namespace praxis::server
