#include "server/core/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>

#include "server/core/api.hpp"
#include "server/core/auth.hpp"
#include "server/core/beast_request.hpp"
#include "server/core/core.hpp"
#include "server/core/log.hpp"
#include "server/core/router.hpp"
#include "server/core/websocket_session.hpp"

namespace praxis::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

namespace {
constexpr std::uint32_t kHeaderLimit = 16 * 1024;

template <class Stream>
constexpr bool kIsTls = !std::is_same_v<Stream, beast::tcp_stream>;
}  // namespace

template <class Stream>
HttpSession<Stream>::HttpSession(Stream&& stream, Core& core, std::string peer,
                                 std::uint64_t conn_id, Slot slot)
    : stream_(std::move(stream)),
      core_(core),
      peer_(std::move(peer)),
      conn_id_(conn_id),
      slot_(std::move(slot)) {}

template <class Stream>
void HttpSession<Stream>::fail(beast::error_code ec, const char* where) {
  // Timeouts, resets and closed connections are the normal end of a client.
  if (ec == beast::error::timeout || ec == asio::error::operation_aborted ||
      ec == asio::error::eof || ec == asio::error::connection_reset ||
      ec == http::error::end_of_stream) {
    return;
  }
  log::info("http_dropped",
            {{"conn", std::to_string(conn_id_)}, {"where", where}, {"what", ec.message()}});
}

template <class Stream>
void HttpSession<Stream>::run() {
  asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] {
    if constexpr (kIsTls<Stream>) {
      beast::get_lowest_layer(self->stream_)
          .expires_after(std::chrono::seconds(self->core_.settings.request_timeout_seconds));
      self->stream_.async_handshake(asio::ssl::stream_base::server, [self](beast::error_code ec) {
        if (ec) return self->fail(ec, "tls_handshake");
        self->do_read();
      });
    } else {
      self->do_read();
    }
  });
}

template <class Stream>
void HttpSession<Stream>::do_read() {
  parser_.emplace();
  parser_->body_limit(core_.settings.max_body_bytes);
  parser_->header_limit(kHeaderLimit);
  beast::get_lowest_layer(stream_).expires_after(
      std::chrono::seconds(core_.settings.request_timeout_seconds));
  http::async_read(stream_, buffer_, *parser_,
                   [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                     self->on_read(ec, n);
                   });
}

template <class Stream>
void HttpSession<Stream>::on_read(beast::error_code ec, std::size_t) {
  if (ec == http::error::end_of_stream) return do_close();
  if (ec == http::error::body_limit) {
    return respond(error_response(protocol::ErrorCode::kTooLarge, "request body too large"), false,
                   11);
  }
  if (ec) return fail(ec, "read");
  ++core_.metrics.http_requests;
  Request req = parser_->release();
  auto r = to_http_request(req, peer_, kIsTls<Stream>, core_.settings.trusted_proxies);
  if (beast::websocket::is_upgrade(req)) return upgrade(std::move(req), std::move(r));
  const bool keep_alive = req.keep_alive();
  const unsigned version = req.version();
  auto m = match(core_.registry, r);
  const bool heavy = m && m->route->options.heavy;
  if (heavy && ++core_.heavy_waiting > core_.settings.heavy_queue) {
    --core_.heavy_waiting;
    auto res = error_response(protocol::ErrorCode::kUnavailable, "busy; try again shortly");
    res.headers.emplace_back("Retry-After", "1");
    secure_headers(core_, r, res);
    return respond(std::move(res), keep_alive, version);
  }
  asio::post(
      heavy ? *core_.heavy : *core_.workers, [self = this->shared_from_this(), r = std::move(r),
                                              m = std::move(m), heavy, keep_alive, version] {
        HttpResponse res;
        try {
          res = route(self->core_, r, m);
        } catch (const std::exception& e) {
          log::error("http_failed", {{"conn", std::to_string(self->conn_id_)}, {"what", e.what()}});
          res = error_response(protocol::ErrorCode::kInternal, "the server failed");
          secure_headers(self->core_, r, res);
        }
        if (heavy) --self->core_.heavy_waiting;
        asio::post(self->stream_.get_executor(),
                   [self, res = std::move(res), keep_alive, version]() mutable {
                     self->respond(std::move(res), keep_alive, version);
                   });
      });
}

template <class Stream>
void HttpSession<Stream>::upgrade(Request req, HttpRequest r) {
  auto refuse = [&](protocol::ErrorCode code, const char* why) {
    log::info("ws_refused",
              {{"conn", std::to_string(conn_id_)}, {"addr", r.address}, {"why", why}});
    auto res = error_response(code, why);
    secure_headers(core_, r, res);
    respond(std::move(res), false, req.version());
  };
  if (req.target() != "/ws") return refuse(protocol::ErrorCode::kNotFound, "no such route");
  AuthResult auth = protocol::ErrorCode::kInternal;
  try {
    auth = authenticate_upgrade(core_, r);
  } catch (const std::exception& e) {
    // The session lookup reads the database on this network thread: a storage
    // error refuses this upgrade and nothing else.
    log::error("upgrade_failed", {{"conn", std::to_string(conn_id_)}, {"what", e.what()}});
    return refuse(protocol::ErrorCode::kInternal, "the server failed");
  }
  if (auto* code = std::get_if<protocol::ErrorCode>(&auth)) {
    return refuse(
        *code, *code == protocol::ErrorCode::kForbidden ? "origin not allowed" : "sign in first");
  }
  auto websocket = core_.connections.open_websocket(r.address);
  if (!websocket) {
    return refuse(protocol::ErrorCode::kRateLimited, "too many connections from this address");
  }
  Identity id{conn_id_, std::get<Principal>(std::move(auth)), r.address};
  if constexpr (kIsTls<Stream>) {
    std::make_shared<WebSocketSession<Stream>>(std::move(stream_), core_, std::move(id),
                                               std::move(slot_), std::move(websocket))
        ->run(std::move(req));
  } else {
    // The bare socket: the WebSocket keeps its own timeouts, and tcp_stream's
    // timers are half a KiB a connection.
    std::make_shared<WebSocketSession<boost::asio::ip::tcp::socket>>(
        stream_.release_socket(), core_, std::move(id), std::move(slot_), std::move(websocket))
        ->run(std::move(req));
  }
}

template <class Stream>
void HttpSession<Stream>::respond(HttpResponse res, bool keep_alive, unsigned version) {
  auto msg = std::make_shared<http::response<http::string_body>>(
      static_cast<http::status>(res.status), version);
  msg->set(http::field::server, "praxisd");
  if (!res.body.empty() || res.status != 204) msg->set(http::field::content_type, res.content_type);
  for (const auto& [k, v] : res.headers) msg->insert(k, v);
  msg->body() = std::move(res.body);
  msg->keep_alive(keep_alive);
  if (res.head_only) {
    const auto length = msg->body().size();
    msg->body().clear();
    msg->content_length(length);
  } else {
    msg->prepare_payload();
  }
  http::async_write(stream_, *msg,
                    [self = this->shared_from_this(), msg](beast::error_code ec, std::size_t) {
                      if (ec) return self->fail(ec, "write");
                      if (!msg->keep_alive()) return self->do_close();
                      self->do_read();
                    });
}

template <class Stream>
void HttpSession<Stream>::do_close() {
  beast::error_code ec;
  if constexpr (kIsTls<Stream>) {
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
  } else {
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  }
}

template class HttpSession<beast::tcp_stream>;
template class HttpSession<beast::ssl_stream<beast::tcp_stream>>;

}  // namespace praxis::server
