// One HTTP connection: reads requests (body limit and timeout before every
// read), hands API requests to the worker pool and writes the answers in
// order; a WebSocket upgrade to /ws is authenticated here and the socket is
// handed to a WebSocketSession. Stream: tcp_stream or ssl_stream<tcp_stream>.
#pragma once

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "server/http_types.hpp"
#include "server/services.hpp"

namespace praxis::server {

template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream&& stream, Services& sv, std::string address, std::uint64_t conn_id);
  void run();

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;

  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void upgrade(Request req);
  void respond(HttpResponse res, bool keep_alive, unsigned version);
  void do_close();

  Stream stream_;
  Services& sv_;
  std::string address_;
  std::uint64_t conn_id_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
};

}  // namespace praxis::server
