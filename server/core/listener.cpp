#include "server/core/listener.hpp"

#include <boost/asio/strand.hpp>
#include <boost/beast/ssl.hpp>

#include "server/core/core.hpp"
#include "server/core/http_session.hpp"
#include "server/core/log.hpp"

namespace praxis::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

Listener::Listener(asio::io_context& ioc, tcp::endpoint endpoint, asio::ssl::context* tls)
    : ioc_(ioc), acceptor_(ioc), pause_(ioc), tls_(tls) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

std::uint16_t Listener::port() const { return acceptor_.local_endpoint().port(); }

void Listener::run(Core& core) {
  core_ = &core;
  do_accept();
}

void Listener::stop() {
  asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
    self->pause_.cancel();
  });
}

void Listener::do_accept() {
  acceptor_.async_accept(asio::make_strand(ioc_),
                         [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                           self->on_accept(ec, std::move(socket));
                         });
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == asio::error::operation_aborted) return;  // stopped
  if (ec) {
    log::warn("accept_failed", {{"what", ec.message()}});
    // Out of descriptors (EMFILE) or the like: retrying at once would spin.
    pause_.expires_after(std::chrono::milliseconds(100));
    return pause_.async_wait([self = shared_from_this()](beast::error_code e) {
      if (!e) self->do_accept();
    });
  }
  beast::error_code ignored;
  auto address = socket.remote_endpoint(ignored).address();
  // On a dual-stack socket an IPv4 client arrives as ::ffff:a.b.c.d: one
  // client, one address (limits and sign-in throttles count per address).
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  const auto peer = address.to_string();
  auto slot = core_->connections.open_socket(peer);
  if (!slot) {
    log::warn("connection_refused", {{"addr", peer}, {"why", "over the connection limits"}});
    socket.close(ignored);
    return do_accept();
  }
  // Small messages go out at once: Nagle's delay would add to every delivery.
  socket.set_option(tcp::no_delay(true), ignored);
  const auto id = ++next_conn_;
  beast::tcp_stream stream(std::move(socket));
  if (tls_) {
    std::make_shared<HttpSession<beast::ssl_stream<beast::tcp_stream>>>(
        beast::ssl_stream<beast::tcp_stream>(std::move(stream), *tls_), *core_, peer, id,
        std::move(slot))
        ->run();
  } else {
    std::make_shared<HttpSession<beast::tcp_stream>>(std::move(stream), *core_, peer, id,
                                                     std::move(slot))
        ->run();
  }
  do_accept();
}

}  // namespace praxis::server
