// How many connections may be open: in all (kept below the process's file
// descriptor limit, so that the database and the listener always have
// descriptors), per peer address (trusted proxies exempt: every client comes
// through them), and WebSockets per client address. Thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace praxis::server {

class ConnectionLimits {
 public:
  void configure(std::size_t total, std::size_t per_peer, std::size_t websockets_per_address,
                 std::vector<std::string> trusted_proxies);

  // Held by a connection for as long as it is open; released by its destructor.
  class Slot {
   public:
    ~Slot();
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    friend class ConnectionLimits;
    Slot(ConnectionLimits& l, std::string key, bool websocket)
        : limits_(l), key_(std::move(key)), websocket_(websocket) {}
    ConnectionLimits& limits_;
    std::string key_;
    bool websocket_;
  };

  // A socket accepted from `peer`; nullptr when over a limit (close it).
  std::unique_ptr<Slot> open_socket(const std::string& peer);
  // A WebSocket of client `address`; nullptr when over the limit (429).
  std::unique_ptr<Slot> open_websocket(const std::string& address);
  std::size_t open_sockets();

 private:
  void release(const std::string& key, bool websocket);
  bool trusted(const std::string& peer) const;

  std::mutex mu_;
  std::size_t total_limit_ = 10000;
  std::size_t per_peer_limit_ = 64;
  std::size_t websocket_limit_ = 64;
  std::vector<std::string> trusted_;
  std::size_t total_ = 0;
  std::unordered_map<std::string, std::size_t> per_peer_;
  std::unordered_map<std::string, std::size_t> websockets_;
};

}  // namespace praxis::server
