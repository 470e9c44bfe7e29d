#include "server/core/websocket_session.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/beast/ssl.hpp>
#include <span>
#include <type_traits>

#include "protocol/core/limits.hpp"
#include "protocol/core/utf8.hpp"
#include "server/core/core.hpp"
#include "server/core/delivery.hpp"
#include "server/core/dispatch.hpp"
#include "server/core/log.hpp"

namespace praxis::server {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace asio = boost::asio;

namespace {
const std::string kNewline = "\n";
// How long a connection being closed may take to drain before it is dropped.
constexpr auto kCloseGrace = std::chrono::seconds(10);
// The most one write (one frame) carries when more is queued.
constexpr std::size_t kMaxWriteBytes = 256 * 1024;
// Read in steps of this much; a read buffer larger than kKeepReadBytes after
// a message is given back (a big message is rare, idle connections many).
constexpr std::size_t kReadChunk = 256;
constexpr std::size_t kKeepReadBytes = 1024;
// Queue and write vectors longer than this are given back once empty.
constexpr std::size_t kKeepEntries = 64;

// Drops the TCP connection at once (a bare socket, or tcp_stream's).
template <class Lowest>
void close_socket(Lowest& lowest) {
  beast::error_code ignored;
  if constexpr (std::is_same_v<Lowest, asio::ip::tcp::socket>) {
    lowest.close(ignored);
  } else {
    lowest.socket().close(ignored);
  }
}

template <class T>
void release_if_large(std::vector<T>& v) {
  if (v.empty() && v.capacity() > kKeepEntries) std::vector<T>().swap(v);
}
}  // namespace

template <class Stream>
WebSocketSession<Stream>::WebSocketSession(Stream&& stream, Core& core, Identity identity,
                                           Slot socket, Slot websocket)
    : Connection(std::move(identity)),
      ws_(std::move(stream)),
      core_(core),
      socket_slot_(std::move(socket)),
      websocket_slot_(std::move(websocket)),
      cut_timer_(ws_.get_executor()),
      deadline_timer_(ws_.get_executor()) {}

template <class Stream>
WebSocketSession<Stream>::~WebSocketSession() {
  uncount(counted_, counted_entries_);
}

template <class Stream>
void WebSocketSession<Stream>::uncount(std::size_t bytes, std::size_t entries) {
  bytes = std::min(bytes, counted_);
  entries = std::min(entries, counted_entries_);
  counted_ -= bytes;
  counted_entries_ -= entries;
  core_.metrics.outbound_queue_bytes -= static_cast<std::int64_t>(bytes);
  outbound_memory() -= static_cast<std::int64_t>(entries) * kQueueEntryBytes;
}

template <class Stream>
std::shared_ptr<WebSocketSession<Stream>> WebSocketSession<Stream>::self() {
  return std::static_pointer_cast<WebSocketSession>(shared_from_this());
}

template <class Stream>
void WebSocketSession<Stream>::run(Request req) {
  if constexpr (!std::is_same_v<Stream, asio::ip::tcp::socket>) {
    beast::get_lowest_layer(ws_).expires_never();  // the websocket timeouts take over
  }
  websocket::stream_base::timeout t{};
  t.handshake_timeout = std::chrono::seconds(core_.settings.handshake_timeout_seconds);
  t.idle_timeout = std::chrono::seconds(core_.settings.idle_timeout_seconds);
  t.keep_alive_pings = true;
  ws_.set_option(t);
  ws_.read_message_max(core_.settings.max_frame_bytes);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(beast::http::field::server, "praxisd"); }));
  ws_.async_accept(req, [s = self()](beast::error_code ec) { s->on_accept(ec); });
}

template <class Stream>
void WebSocketSession<Stream>::on_accept(beast::error_code ec) {
  if (ec) return finish(ec, "accept");
  opened_ = true;
  arm_deadline();
  core_.hub.add(shared_from_this());
  ++core_.metrics.connections;
  log::info("ws_open", {{"conn", std::to_string(identity().conn_id)},
                        {"user", std::to_string(user_id())},
                        {"addr", identity().address}});
  do_read();
}

template <class Stream>
void WebSocketSession<Stream>::arm_deadline() {
  // PROTOCOL.md: no hello within handshake_timeout_seconds closes with 4001;
  // a login session that expires ends its connections with it (4009).
  const auto end = principal().expires_at;
  Millis wait = end > 0 ? std::max<Millis>(0, end - core_.clock.now()) : -1;
  if (!greeted) {
    const Millis hello = Millis{core_.settings.handshake_timeout_seconds} * 1000;
    wait = wait < 0 ? hello : std::min(wait, hello);
  }
  if (wait < 0) return;  // greeted, and the session never expires
  deadline_timer_.expires_after(std::chrono::milliseconds(wait));
  deadline_timer_.async_wait([s = self()](beast::error_code ec) {
    if (ec) return;
    if (!s->greeted) return s->close(protocol::kCloseHelloTimeout, "no hello");
    const auto end = s->principal().expires_at;
    if (end > 0 && s->core_.clock.now() >= end) {
      return s->close(protocol::kCloseSessionRevoked, "session expired");
    }
    s->arm_deadline();
  });
}

template <class Stream>
void WebSocketSession<Stream>::do_read() {
  // NOTE: read_some with a small limit, not async_read: that prepares a
  // 1,536-byte buffer while it waits, on every idle connection. A message
  // takes several of these reads; read_message_max bounds it as a whole.
  ws_.async_read_some(buffer_, kReadChunk,
                      [s = self()](beast::error_code ec, std::size_t n) { s->on_read(ec, n); });
}

template <class Stream>
void WebSocketSession<Stream>::on_read(beast::error_code ec, std::size_t) {
  if (ec) return finish(ec, "read");
  if (!ws_.is_message_done()) return do_read();
  ++core_.metrics.messages_in;
  const auto data = buffer_.cdata();
  std::string_view frame(static_cast<const char*>(data.data()), data.size());
  if (closing_) {
    // Closing: what the peer still sends is read (to see its close) and dropped.
  } else if (!ws_.got_text() && !protocol::valid_utf8(frame)) {
    guarded([&] {
      send_error(*this, nullptr, protocol::ErrorCode::kBadUtf8, "frame is not valid UTF-8");
    });
  } else {
    // handle_frame answers a failed request with `internal` (and its rid);
    // what escapes even that closes this connection, never the process.
    guarded([&] {
      Corked corked(*this);
      handle_frame(core_, shared_from_this(), frame);
    });
  }
  buffer_.consume(buffer_.size());
  if (buffer_.capacity() > kKeepReadBytes) buffer_.shrink_to_fit();
  do_read();
}

template <class Stream>
void WebSocketSession<Stream>::run_on_strand(std::function<void()> fn) {
  asio::post(ws_.get_executor(), [s = self(), fn = std::move(fn)] {
    if (!s->finished_) fn();
  });
}

template <class Stream>
void WebSocketSession<Stream>::send(Payload payload) {
  if (closing_ || finished_) return;
  queued_bytes_ += payload->size();
  counted_ += payload->size();
  ++counted_entries_;
  core_.metrics.outbound_queue_bytes += static_cast<std::int64_t>(payload->size());
  const std::int64_t memory = outbound_memory() += kQueueEntryBytes;
  core_.metrics.observe_outbound(memory);
  queue_.push_back(std::move(payload));
  // NOTE: the usual case (within both bounds) decides here, without a call per delivery.
  const auto budget = core_.settings.outbound_budget();
  const bool past = queued_bytes_ > budget.per_connection || budget.over(memory);
  if (past && cut_if_slow(core_, *this, memory)) return;
  if (!writing_ && corked_ == 0) do_write();
}

template <class Stream>
void WebSocketSession<Stream>::uncork() {
  if (--corked_ == 0 && !writing_ && !closing_ && !finished_ && queue_head_ < queue_.size()) {
    do_write();
  }
}

template <class Stream>
void WebSocketSession<Stream>::do_write() {
  writing_ = true;
  write_started_ = std::chrono::steady_clock::now();
  // At most kMaxWriteBytes a write (and at least one message): a write's
  // duration then tells how fast the peer reads (stalled()), however long
  // the queue behind it.
  in_flight_.clear();
  std::size_t bytes = 0;
  while (queue_head_ < queue_.size() &&
         (in_flight_.empty() || bytes + queue_[queue_head_]->size() <= kMaxWriteBytes)) {
    bytes += queue_[queue_head_]->size();
    in_flight_.push_back(std::move(queue_[queue_head_++]));
  }
  if (queue_head_ == queue_.size()) {
    queue_.clear();
    queue_head_ = 0;
  } else if (queue_head_ > kKeepEntries && queue_head_ * 2 > queue_.size()) {
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(queue_head_));
    queue_head_ = 0;
  }
  gather_.clear();
  for (const auto& p : in_flight_) {
    if (!gather_.empty()) gather_.push_back(asio::buffer(kNewline));
    gather_.push_back(asio::buffer(*p));
  }
  core_.metrics.messages_out += in_flight_.size();  // counted when handed to the socket
  ws_.text(true);
  // NOTE: a span, not the vector: Beast's write op copies the buffer sequence
  // at each step, and a vector copy allocates (it was the top symbol in the
  // fan-out profile). gather_ is not touched until on_write.
  ws_.async_write(std::span<const asio::const_buffer>(gather_),
                  [s = self()](beast::error_code ec, std::size_t n) { s->on_write(ec, n); });
}

template <class Stream>
bool WebSocketSession<Stream>::stalled() const {
  return writing_ && std::chrono::steady_clock::now() - write_started_ > OutboundBudget::kStall;
}

template <class Stream>
void WebSocketSession<Stream>::on_write(beast::error_code ec, std::size_t) {
  writing_ = false;
  std::size_t sent = 0;
  for (const auto& p : in_flight_) sent += p->size();
  queued_bytes_ -= sent;
  uncount(sent, in_flight_.size());
  in_flight_.clear();
  gather_.clear();
  if (ec) return finish(ec, "write");
  if (closing_) return do_close();
  // NOTE: "below a mark", not "empty": under steady live traffic the queue may
  // never empty, and a paced replay waiting for that would wait for ever.
  std::vector<std::function<void()>> ready;
  for (auto it = waiting_.begin(); it != waiting_.end();) {
    if (queued_bytes_ < it->first) {
      ready.push_back(std::move(it->second));
      it = waiting_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto& fn : ready) guarded(fn);  // may queue more (and start a write)
  if (!writing_ && !closing_ && queue_head_ < queue_.size()) do_write();
  if (!writing_) {
    release_if_large(queue_);
    release_if_large(in_flight_);
    release_if_large(gather_);
  }
}

template <class Stream>
void WebSocketSession<Stream>::when_below(std::size_t bytes, std::function<void()> fn) {
  if (closing_ || finished_) return;
  if (queued_bytes_ >= bytes) {
    waiting_.emplace_back(bytes, std::move(fn));
    return;
  }
  post(std::move(fn));
}

template <class Stream>
void WebSocketSession<Stream>::close(std::uint16_t code, std::string reason) {
  if (closing_ || finished_) return;
  // What a corked handler queued before closing goes out first, as it would
  // have without the cork (an error, then the close).
  if (corked_ > 0 && !writing_ && opened_ && queue_head_ < queue_.size()) do_write();
  closing_ = true;
  std::size_t dropped = 0;
  for (auto p = queue_.begin() + static_cast<std::ptrdiff_t>(queue_head_); p != queue_.end(); ++p) {
    dropped += (*p)->size();
  }
  queued_bytes_ -= dropped;
  queue_.clear();
  queue_head_ = 0;
  // What a closing connection still holds (its write in flight, to a reader
  // that may never take it) leaves the global budget now, not after the grace.
  uncount(counted_, counted_entries_);
  close_reason_.code = code;
  close_reason_.reason = std::move(reason);
  // A peer that never reads would keep the write (and us) waiting: drop it.
  cut_timer_.expires_after(kCloseGrace);
  cut_timer_.async_wait([s = self()](beast::error_code ec) {
    if (!ec && !s->finished_) close_socket(beast::get_lowest_layer(s->ws_));
  });
  if (!writing_ && opened_) do_close();
}

template <class Stream>
void WebSocketSession<Stream>::do_close() {
  ws_.async_close(close_reason_, [s = self()](beast::error_code) {});
}

template <class Stream>
void WebSocketSession<Stream>::finish(beast::error_code ec, const char* where) {
  if (finished_) return;
  finished_ = true;
  waiting_.clear();
  cut_timer_.cancel();
  deadline_timer_.cancel();
  drop_inbox();  // nothing queued keeps this connection alive now
  if (!opened_) return;
  handle_closed(core_, shared_from_this());  // presence is announced before the count drops
  --core_.metrics.connections;
  const bool normal = ec == websocket::error::closed || ec == asio::error::operation_aborted ||
                      ec == asio::error::eof;
  log::info("ws_close", {{"conn", std::to_string(identity().conn_id)},
                         {"where", where},
                         {"reason", normal ? "closed" : ec.message()}});
}

template class WebSocketSession<asio::ip::tcp::socket>;
template class WebSocketSession<beast::ssl_stream<beast::tcp_stream>>;

}  // namespace praxis::server
