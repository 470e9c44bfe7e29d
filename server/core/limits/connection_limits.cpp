#include "server/core/limits/connection_limits.hpp"

#include <algorithm>

namespace praxis::server {

void ConnectionLimits::configure(std::size_t total, std::size_t per_peer,
                                 std::size_t websockets_per_address,
                                 std::vector<std::string> trusted_proxies) {
  std::lock_guard lock(mu_);
  total_limit_ = total;
  per_peer_limit_ = per_peer;
  websocket_limit_ = websockets_per_address;
  trusted_ = std::move(trusted_proxies);
}

bool ConnectionLimits::trusted(const std::string& peer) const {
  return std::find(trusted_.begin(), trusted_.end(), peer) != trusted_.end();
}

ConnectionLimits::Slot::~Slot() { limits_.release(key_, websocket_); }

std::unique_ptr<ConnectionLimits::Slot> ConnectionLimits::open_socket(const std::string& peer) {
  std::lock_guard lock(mu_);
  if (total_ >= total_limit_) return nullptr;
  const bool counted = !trusted(peer);
  if (counted && per_peer_[peer] >= per_peer_limit_) return nullptr;
  ++total_;
  if (!counted) return std::unique_ptr<Slot>(new Slot(*this, std::string(), false));
  ++per_peer_[peer];
  return std::unique_ptr<Slot>(new Slot(*this, peer, false));
}

std::unique_ptr<ConnectionLimits::Slot> ConnectionLimits::open_websocket(
    const std::string& address) {
  std::lock_guard lock(mu_);
  auto& n = websockets_[address];
  if (n >= websocket_limit_) return nullptr;
  ++n;
  return std::unique_ptr<Slot>(new Slot(*this, address, true));
}

std::size_t ConnectionLimits::open_sockets() {
  std::lock_guard lock(mu_);
  return total_;
}

void ConnectionLimits::release(const std::string& key, bool websocket) {
  std::lock_guard lock(mu_);
  auto& map = websocket ? websockets_ : per_peer_;
  if (!websocket) --total_;
  if (key.empty()) return;
  auto it = map.find(key);
  if (it != map.end() && --it->second == 0) map.erase(it);
}

}  // namespace praxis::server
