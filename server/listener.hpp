// Accepts TCP connections and starts an HttpSession for each, on a strand of
// its own; TLS when a context is given.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/error.hpp>
#include <memory>

#include "server/services.hpp"

namespace praxis::server {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Binds and listens at once (throws boost::system::system_error).
  Listener(boost::asio::io_context& ioc, boost::asio::ip::tcp::endpoint endpoint,
           boost::asio::ssl::context* tls);

  std::uint16_t port() const;
  // Starts accepting; `sv` must outlive the listener.
  void run(Services& sv);
  void stop();

 private:
  void do_accept();
  void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::ssl::context* tls_;
  Services* sv_ = nullptr;
  std::uint64_t next_conn_ = 0;
};

}  // namespace praxis::server
