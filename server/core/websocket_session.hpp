// The WebSocket transport of one connection: one read loop, one write in
// flight, a byte-bounded queue. What is queued while a write runs leaves in
// the next write as one frame of up to 256 KiB (messages joined by '\n',
// gathered from the shared payloads without copying). A connection whose
// queue passes max_queue_bytes is cut off with close code 4008, as is one
// whose write stalls while the server is over its outbound budget
// (limits/outbound_budget.hpp).
//
// Stream is a bare tcp::socket or ssl_stream<tcp_stream> (instantiated in the
// .cpp). The session owns itself: every pending handler holds a shared_ptr.
#pragma once

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <vector>

#include "server/core/connection.hpp"
#include "server/core/limits/connection_limits.hpp"

namespace praxis::server {

struct Core;

template <class Stream>
class WebSocketSession final : public Connection {
 public:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Slot = std::unique_ptr<ConnectionLimits::Slot>;

  // socket and websocket: the limits' slots this connection holds until it ends.
  WebSocketSession(Stream&& stream, Core& core, Identity identity, Slot socket, Slot websocket);
  ~WebSocketSession() override;

  // Completes the upgrade for `req` and starts reading.
  void run(Request req);

  void send(Payload payload) override;
  void close(std::uint16_t code, std::string reason) override;
  std::size_t queued_bytes() const override { return queued_bytes_; }
  bool closing() const override { return closing_ || finished_; }
  bool stalled() const override;
  void when_below(std::size_t bytes, std::function<void()> fn) override;
  void cork() override { ++corked_; }
  void uncork() override;

 protected:
  void run_on_strand(std::function<void()> fn) override;

 private:
  void on_accept(boost::beast::error_code ec);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void do_write();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void do_close();
  void arm_deadline();
  void finish(boost::beast::error_code ec, const char* where);
  void uncount(std::size_t bytes, std::size_t entries);  // leave the global counts
  std::shared_ptr<WebSocketSession> self();

  boost::beast::websocket::stream<Stream> ws_;
  Core& core_;
  Slot socket_slot_;
  Slot websocket_slot_;
  boost::beast::flat_buffer buffer_;  // grows in kReadChunk steps, dropped when large
  // What waits to be written, from queue_head_ on. A vector, not a deque: an
  // empty std::deque holds a 512-byte block, and most connections are idle.
  std::vector<Payload> queue_;
  std::size_t queue_head_ = 0;
  std::vector<Payload> in_flight_;
  std::vector<boost::asio::const_buffer> gather_;
  std::size_t queued_bytes_ = 0;
  // Of queued_bytes_ and of the queued entries, what metrics.outbound_queue_bytes
  // and outbound_memory() count (nothing once closing).
  std::size_t counted_ = 0;
  std::size_t counted_entries_ = 0;
  std::vector<std::pair<std::size_t, std::function<void()>>> waiting_;
  bool writing_ = false;
  int corked_ = 0;
  std::chrono::steady_clock::time_point write_started_;
  bool closing_ = false;
  bool finished_ = false;
  bool opened_ = false;
  boost::beast::websocket::close_reason close_reason_;
  boost::asio::steady_timer cut_timer_;
  // The hello deadline, then the login session's end: one timer for both.
  boost::asio::steady_timer deadline_timer_;
};

}  // namespace praxis::server
