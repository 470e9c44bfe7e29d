#include "server/listener.hpp"

#include <boost/asio/strand.hpp>
#include <boost/beast/ssl.hpp>

#include "server/http_session.hpp"
#include "server/log.hpp"

namespace praxis::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

Listener::Listener(asio::io_context& ioc, tcp::endpoint endpoint, asio::ssl::context* tls)
    : ioc_(ioc), acceptor_(ioc), tls_(tls) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

std::uint16_t Listener::port() const { return acceptor_.local_endpoint().port(); }

void Listener::run(Services& sv) {
  sv_ = &sv;
  do_accept();
}

void Listener::stop() {
  asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
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
  } else {
    beast::error_code ignored;
    // Small messages go out at once: Nagle's delay would add to every delivery.
    socket.set_option(tcp::no_delay(true), ignored);
    const auto address = socket.remote_endpoint(ignored).address().to_string();
    const auto id = ++next_conn_;
    beast::tcp_stream stream(std::move(socket));
    if (tls_) {
      std::make_shared<HttpSession<beast::ssl_stream<beast::tcp_stream>>>(
          beast::ssl_stream<beast::tcp_stream>(std::move(stream), *tls_), *sv_, address, id)
          ->run();
    } else {
      std::make_shared<HttpSession<beast::tcp_stream>>(std::move(stream), *sv_, address, id)->run();
    }
  }
  do_accept();
}

}  // namespace praxis::server
