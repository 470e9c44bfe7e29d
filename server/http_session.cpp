#include "server/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>

#include "server/api_response.hpp"
#include "server/auth.hpp"
#include "server/beast_request.hpp"
#include "server/http_router.hpp"
#include "server/log.hpp"
#include "server/websocket_session.hpp"

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
HttpSession<Stream>::HttpSession(Stream&& stream, Services& sv, std::string address,
                                 std::uint64_t conn_id)
    : stream_(std::move(stream)), sv_(sv), address_(std::move(address)), conn_id_(conn_id) {}

template <class Stream>
void HttpSession<Stream>::run() {
  asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] {
    if constexpr (kIsTls<Stream>) {
      beast::get_lowest_layer(self->stream_)
          .expires_after(std::chrono::seconds(self->sv_.settings.request_timeout_seconds));
      self->stream_.async_handshake(asio::ssl::stream_base::server, [self](beast::error_code ec) {
        if (!ec) self->do_read();
      });
    } else {
      self->do_read();
    }
  });
}

template <class Stream>
void HttpSession<Stream>::do_read() {
  parser_.emplace();
  parser_->body_limit(sv_.settings.limits.max_body_bytes);
  parser_->header_limit(kHeaderLimit);
  beast::get_lowest_layer(stream_).expires_after(
      std::chrono::seconds(sv_.settings.request_timeout_seconds));
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
  if (ec) return;  // timeout, reset, bad request: drop the connection
  ++sv_.metrics.http_requests;
  Request req = parser_->release();
  if (beast::websocket::is_upgrade(req)) return upgrade(std::move(req));
  const bool keep_alive = req.keep_alive();
  const unsigned version = req.version();
  asio::post(
      sv_.workers, [self = this->shared_from_this(),
                    r = to_http_request(req, address_, kIsTls<Stream>), keep_alive, version] {
        HttpResponse res;
        try {
          res = route(self->sv_, r);
        } catch (const std::exception& e) {
          log::error("http_failed", {{"conn", std::to_string(self->conn_id_)}, {"what", e.what()}});
          res = error_response(protocol::ErrorCode::kInternal, "the server failed");
        }
        asio::post(self->stream_.get_executor(), [self, res = std::move(res), keep_alive, version] {
          self->respond(std::move(res), keep_alive, version);
        });
      });
}

template <class Stream>
void HttpSession<Stream>::upgrade(Request req) {
  auto refuse = [&](protocol::ErrorCode code, const char* why) {
    log::info("ws_refused", {{"conn", std::to_string(conn_id_)}, {"addr", address_}, {"why", why}});
    respond(error_response(code, why), false, req.version());
  };
  if (req.target() != "/ws") return refuse(protocol::ErrorCode::kNotFound, "no such route");
  AuthResult auth = protocol::ErrorCode::kInternal;
  try {
    auth = authenticate_upgrade(sv_, to_http_request(req, address_, kIsTls<Stream>));
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
  if (!sv_.hub.try_open_address(address_, sv_.settings.limits.max_connections_per_address)) {
    return refuse(protocol::ErrorCode::kRateLimited, "too many connections from this address");
  }
  auto& p = std::get<Principal>(auth);
  Identity id{conn_id_, std::move(p.user), std::move(p.token_hash), address_};
  std::make_shared<WebSocketSession<Stream>>(std::move(stream_), sv_, std::move(id))
      ->run(std::move(req));
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
                      if (ec) return;
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
