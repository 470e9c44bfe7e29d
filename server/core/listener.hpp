// Accepts TCP connections and starts an HttpSession for each, on a strand of
// its own; TLS when a context is given. A connection over the limits
// (limits/connection_limits.hpp) is closed at once; when the process is out
// of file descriptors, accepting pauses briefly instead of spinning.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>
#include <memory>

namespace praxis::server {

struct Core;

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Binds and listens at once (throws boost::system::system_error).
  Listener(boost::asio::io_context& ioc, boost::asio::ip::tcp::endpoint endpoint,
           boost::asio::ssl::context* tls);

  std::uint16_t port() const;
  // Starts accepting; `core` must outlive the listener's work.
  void run(Core& core);
  void stop();

 private:
  void do_accept();
  void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer pause_;
  boost::asio::ssl::context* tls_;
  Core* core_ = nullptr;
  std::uint64_t next_conn_ = 0;
};

}  // namespace praxis::server
