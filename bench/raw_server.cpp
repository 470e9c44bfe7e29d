// praxis_raw_server: the transport's own ceiling, for `praxis_loadgen --mode raw`.
//
// A minimal Beast WebSocket broadcast server: no auth, no JSON, no storage,
// one thread. Text protocol (one command per client frame):
//   "J <room>"        join a room; answered "S <room> <last_seq>"
//   "P <room> <text>" broadcast "E <room> <seq> <text>" to every member of the
//                     room (the sender too) and answer the sender "A <room> <seq>"
//
// It is made the strongest baseline we know: every outgoing frame is encoded
// once (server frames are unmasked, so the same header+payload bytes suit every
// receiver) and all frames queued for a receiver leave in one gathered write
// on the TCP socket under the WebSocket stream. Reads (and the handshake) stay
// Beast's. The server sends no pings, so nothing else writes to the socket.
//
//   praxis_raw_server [--listen 127.0.0.1] [--port 0] [--port-file F]
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <charconv>
#include <cstdint>
#include <deque>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

using Frame = std::shared_ptr<const std::string>;

// One unmasked, final text frame: 2-10 byte header + payload.
Frame encode_frame(std::string_view payload) {
  auto out = std::make_shared<std::string>();
  const std::uint64_t n = payload.size();
  out->reserve(n + 10);
  out->push_back(static_cast<char>(0x81));
  if (n < 126) {
    out->push_back(static_cast<char>(n));
  } else if (n < 65536) {
    out->push_back(static_cast<char>(126));
    out->push_back(static_cast<char>(n >> 8));
    out->push_back(static_cast<char>(n & 0xFF));
  } else {
    out->push_back(static_cast<char>(127));
    for (int i = 7; i >= 0; --i) out->push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
  }
  out->append(payload);
  return out;
}

std::int64_t to_int(std::string_view s) {
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

class Session;

struct Room {
  std::int64_t seq = 0;
  std::vector<std::weak_ptr<Session>> members;
};

struct State {
  std::unordered_map<std::int64_t, Room> rooms;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket s, State& st) : ws_(std::move(s)), st_(st) {}

  void run() {
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.async_accept([self = shared_from_this()](beast::error_code ec) {
      if (!ec) self->do_read();
    });
  }

  // Queues an encoded frame; one gathered write carries everything queued.
  void send(Frame f) {
    queue_.push_back(std::move(f));
    if (!writing_) do_write();
  }

 private:
  void do_read() {
    ws_.async_read(buf_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;
      self->on_frame();
      self->do_read();
    });
  }

  void on_frame() {
    const auto d = buf_.cdata();
    std::string_view f(static_cast<const char*>(d.data()), d.size());
    if (f.size() > 2 && (f[0] == 'J' || f[0] == 'P')) {
      const auto sp = f.find(' ', 2);
      const auto room_id = to_int(f.substr(2, sp == std::string_view::npos ? f.npos : sp - 2));
      auto& room = st_.rooms[room_id];
      if (f[0] == 'J') {
        room.members.push_back(weak_from_this());
        send(encode_frame("S " + std::to_string(room_id) + " " + std::to_string(room.seq)));
      } else {
        const auto seq = ++room.seq;
        std::string head = std::to_string(room_id) + " " + std::to_string(seq);
        auto ev = encode_frame("E " + head + " " +
                               std::string(sp == std::string_view::npos ? "" : f.substr(sp + 1)));
        send(encode_frame("A " + head));
        auto& m = room.members;
        for (std::size_t i = 0; i < m.size();) {
          if (auto s = m[i].lock()) {
            s->send(ev);
            ++i;
          } else {
            m[i] = std::move(m.back());
            m.pop_back();
          }
        }
      }
    }
    buf_.consume(buf_.size());
  }

  void do_write() {
    writing_ = true;
    in_flight_.assign(std::make_move_iterator(queue_.begin()),
                      std::make_move_iterator(queue_.end()));
    queue_.clear();
    gather_.clear();
    for (const auto& f : in_flight_) gather_.push_back(asio::buffer(*f));
    asio::async_write(ws_.next_layer().socket(), gather_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->writing_ = false;
                        self->in_flight_.clear();
                        if (ec) return;
                        if (!self->queue_.empty()) self->do_write();
                      });
  }

  websocket::stream<beast::tcp_stream> ws_;
  State& st_;
  beast::flat_buffer buf_;
  std::deque<Frame> queue_;
  std::vector<Frame> in_flight_;
  std::vector<asio::const_buffer> gather_;
  bool writing_ = false;
};

void do_accept(tcp::acceptor& acc, State& st) {
  acc.async_accept([&acc, &st](beast::error_code ec, tcp::socket s) {
    if (!ec) {
      s.set_option(tcp::no_delay(true));
      std::make_shared<Session>(std::move(s), st)->run();
    }
    do_accept(acc, st);
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::string listen = "127.0.0.1", port_file;
  unsigned short port = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--listen")
      listen = argv[i + 1];
    else if (k == "--port")
      port = static_cast<unsigned short>(std::stoi(argv[i + 1]));
    else if (k == "--port-file")
      port_file = argv[i + 1];
    else {
      std::cerr << "praxis_raw_server: unknown option " << k << "\n";
      return 2;
    }
  }
  asio::io_context ioc(1);
  tcp::acceptor acc(ioc, {asio::ip::make_address(listen), port});
  acc.listen(asio::socket_base::max_listen_connections);
  if (!port_file.empty()) std::ofstream(port_file) << acc.local_endpoint().port() << "\n";
  State st;
  do_accept(acc, st);
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&ioc](beast::error_code, int) { ioc.stop(); });
  ioc.run();
  return 0;
}
