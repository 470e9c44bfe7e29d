// One HTTP connection: reads requests (body limit and timeout before every
// read), hands API requests to the HTTP pool (or the heavy pool) and writes
// the answers in order; a WebSocket upgrade to /ws is authenticated here and
// the socket is handed to a WebSocketSession. Stream: tcp_stream or
// ssl_stream<tcp_stream>.
#pragma once

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "server/core/http_types.hpp"
#include "server/core/limits/connection_limits.hpp"

namespace praxis::server {

struct Core;

template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  using Slot = std::unique_ptr<ConnectionLimits::Slot>;

  HttpSession(Stream&& stream, Core& core, std::string peer, std::uint64_t conn_id, Slot slot);
  void run();

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;

  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void upgrade(Request req, HttpRequest r);
  void respond(HttpResponse res, bool keep_alive, unsigned version);
  void do_close();
  void fail(boost::beast::error_code ec, const char* where);

  Stream stream_;
  Core& core_;
  std::string peer_;
  std::uint64_t conn_id_;
  Slot slot_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
};

}  // namespace praxis::server
