// praxis_loadgen: load generator for praxisd (and for praxis_raw_server with
// --mode raw). One thread, one io_context, Beast WebSocket clients on loopback.
// Usage and the summary line's fields: bench/README.md.
#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "proc_stats.hpp"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

const Clock::time_point kEpoch = Clock::now();
std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - kEpoch).count();
}

struct Config {
  std::string mode = "praxis";  // praxis | raw
  std::string scenario = "custom";
  std::string port_file, tokens, server_pid_file, ready_file;
  unsigned short port = 0;
  std::int64_t conns = 0, senders_per_room = 1, messages = 0, window = 16, concurrency = 256;
  std::int64_t sources = 1;  // source addresses 127.0.0.2 .. 127.0.0.(1+sources)
  double rate = 0;           // posts/s over all senders; 0 = as fast as the window allows
  double time_limit = 120, idle_seconds = 0, settle_seconds = 1;
  bool storm = false;
};

struct Stats {
  std::int64_t ready = 0, connect_failed = 0, posted = 0, acked = 0, deliveries = 0, expected = 0,
               gaps = 0, dups = 0, errors = 0, resyncs = 0, replayed = 0, resumed = 0,
               reconnect_attempts = 0, retried = 0;
  std::vector<std::uint32_t> latency_us;
};

enum class Phase { kConnect, kSettle, kSend, kStormWait, kStorm, kDone };

class Driver;

class Client : public std::enable_shared_from_this<Client> {
 public:
  Client(Driver& d, std::int64_t index, std::int64_t user, std::string token, std::int64_t room)
      : d_(d), index_(index), user_(user), token_(std::move(token)), room_(room) {}
  void connect();
  void post();  // queues one post
  std::int64_t room() const { return room_; }
  bool sender = false;
  std::int64_t quota = 0, in_flight = 0, posted = 0;
  std::int64_t last_seq = -1;  // last seq seen in room_; -1 unknown
  bool up = false, resuming = false;

 private:
  void on_connected();
  void do_read();
  void on_lost();
  void handle_line(std::string_view line);
  void on_event(std::int64_t seq, std::string_view rest);
  void write(std::string s);
  void do_write();
  void retry(std::int64_t rid);

  Driver& d_;
  std::int64_t index_, user_;
  std::string token_;
  std::int64_t room_;
  std::unique_ptr<websocket::stream<beast::tcp_stream>> ws_;
  beast::flat_buffer buf_;
  std::deque<std::string> out_;
  bool writing_ = false;
  std::string pending_write_;
  // praxis mode: each post by its rid (= posted), to send again when refused
  // `unavailable` (the server's outbound budget; PROTOCOL.md 4).
  std::unordered_map<std::int64_t, std::string> posts_;
};

class Driver {
 public:
  Driver(asio::io_context& ioc, Config cfg)
      : ioc(ioc), cfg(std::move(cfg)), timer_(ioc), limit_(ioc) {}
  void start();
  void on_ready(Client& c);
  void on_failed(Client& c);
  void on_ack(Client& c);
  void on_synced_after_storm(Client& c);
  void on_down(Client& c);
  void maybe_finish();

  asio::io_context& ioc;
  Config cfg;
  Stats st;
  Phase phase = Phase::kConnect;
  tcp::endpoint server;
  std::vector<std::shared_ptr<Client>> clients;
  std::unordered_map<std::int64_t, std::int64_t> room_conns;
  std::string pad;
  std::int64_t first_down_ns = 0, first_back_ns = 0;

 private:
  void launch_connects();
  void begin_send();
  void pace();
  void finish(bool timed_out);
  std::string server_pid() const;

  asio::steady_timer timer_, limit_;
  std::int64_t next_connect_ = 0;
  std::int64_t t_connect0_ = 0, t_connected_ = 0, t_send0_ = 0, t_last_ack_ = 0, t_last_deliv_ = 0;
  std::vector<Client*> senders_;
  std::size_t rr_ = 0;
  double cpu0_ = 0, self_cpu0_ = 0;
  std::int64_t rss_before_kib_ = 0;

  friend class Client;
};

std::int64_t parse_int(std::string_view s, std::string_view key) {
  const auto p = s.find(key);
  if (p == std::string_view::npos) return -1;
  std::int64_t v = -1;
  const char* b = s.data() + p + key.size();
  std::from_chars(b, s.data() + s.size(), v);
  return v;
}

// ---------------------------------------------------------------- Client

void Client::connect() {
  ws_ = std::make_unique<websocket::stream<beast::tcp_stream>>(d_.ioc);
  buf_.clear();
  out_.clear();
  writing_ = false;
  auto& sock = beast::get_lowest_layer(*ws_).socket();
  beast::error_code ec;
  sock.open(tcp::v4(), ec);
  if (!ec && d_.cfg.sources > 0) {
    const auto n = static_cast<unsigned>(2 + index_ % d_.cfg.sources);
    sock.bind({asio::ip::make_address_v4((127u << 24) | n), 0}, ec);
  }
  if (ec) return d_.on_failed(*this);
  beast::get_lowest_layer(*ws_).expires_after(std::chrono::seconds(30));
  beast::get_lowest_layer(*ws_).async_connect(d_.server,
                                              [self = shared_from_this()](beast::error_code ec) {
                                                if (ec) return self->d_.on_failed(*self);
                                                self->on_connected();
                                              });
}

void Client::on_connected() {
  beast::get_lowest_layer(*ws_).socket().set_option(tcp::no_delay(true));
  if (d_.cfg.mode == "praxis") {
    ws_->set_option(websocket::stream_base::decorator([this](websocket::request_type& req) {
      req.set(beast::http::field::authorization, "Bearer " + token_);
    }));
  }
  ws_->async_handshake("127.0.0.1", "/ws", [self = shared_from_this()](beast::error_code ec) {
    if (ec) return self->d_.on_failed(*self);
    beast::get_lowest_layer(*self->ws_).expires_never();
    auto& c = *self;
    c.up = true;
    if (c.d_.cfg.mode == "raw") {
      c.write("J " + std::to_string(c.room_));
    } else if (c.last_seq >= 0 && c.room_ > 0) {
      c.write("{\"type\":\"hello\",\"version\":1,\"resume\":{\"" + std::to_string(c.room_) +
              "\":" + std::to_string(c.last_seq) + "}}");
    } else {
      c.write("{\"type\":\"hello\",\"version\":1}");
    }
    c.do_read();
  });
}

void Client::do_read() {
  ws_->async_read(buf_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) return self->on_lost();
    const auto d = self->buf_.cdata();
    std::string_view f(static_cast<const char*>(d.data()), d.size());
    while (!f.empty()) {
      const auto nl = f.find('\n');
      self->handle_line(f.substr(0, nl));
      if (nl == std::string_view::npos) break;
      f.remove_prefix(nl + 1);
    }
    self->buf_.consume(self->buf_.size());
    self->do_read();
  });
}

void Client::on_lost() {
  const bool was_up = up;
  up = false;
  if (was_up) d_.on_down(*this);
}

void Client::on_event(std::int64_t seq, std::string_view rest) {
  auto& st = d_.st;
  if (last_seq < 0) {
    last_seq = seq;
  } else if (seq <= last_seq) {
    ++st.dups;
  } else {
    if (seq > last_seq + 1) st.gaps += seq - last_seq - 1;
    last_seq = seq;
  }
  if (resuming) {
    ++st.replayed;
    return;
  }
  ++st.deliveries;
  const auto t = rest.find('T');
  if (t != std::string_view::npos) {
    std::int64_t sent = 0;
    std::from_chars(rest.data() + t + 1, rest.data() + rest.size(), sent);
    if (sent > 0) {
      const auto now = now_ns();
      st.latency_us.push_back(
          static_cast<std::uint32_t>(std::min<std::int64_t>((now - sent) / 1000, UINT32_MAX)));
      d_.t_last_deliv_ = now;
    }
  }
  d_.maybe_finish();
}

void Client::handle_line(std::string_view line) {
  auto& st = d_.st;
  if (d_.cfg.mode == "raw") {
    if (line.size() < 3) return;
    const auto room = parse_int(line, " ");
    const auto sp2 = line.find(' ', 2);
    const auto seq = sp2 == std::string_view::npos ? -1 : parse_int(line.substr(sp2), " ");
    if (line[0] == 'E') {
      on_event(seq, line.substr(sp2 + 1));
    } else if (line[0] == 'A') {
      d_.on_ack(*this);
    } else if (line[0] == 'S' && room == room_) {
      last_seq = seq;
      if (resuming) {  // storm: the restarted raw server has no history to replay
        resuming = false;
        d_.on_synced_after_storm(*this);
      } else {
        d_.on_ready(*this);
      }
    }
    return;
  }
  const auto tp = line.rfind("\"type\":\"");
  if (tp == std::string_view::npos) return;
  const auto type = line.substr(tp + 8);
  if (type.starts_with("event\"")) {
    on_event(parse_int(line, "\"seq\":"),
             line.substr(std::min(line.size(), line.find("\"text\":\""))));
  } else if (type.starts_with("ack\"")) {
    d_.on_ack(*this);
  } else if (type.starts_with("synced\"")) {
    const auto seq = room_ > 0 ? parse_int(line, "\"" + std::to_string(room_) + "\":") : 0;
    if (resuming) {
      if (seq > last_seq) st.gaps += seq - std::max<std::int64_t>(last_seq, 0);
      if (seq >= 0) last_seq = std::max(last_seq, seq);
      resuming = false;
      d_.on_synced_after_storm(*this);
    } else {
      if (last_seq < 0) last_seq = seq;
      d_.on_ready(*this);
    }
  } else if (type.starts_with("resync\"")) {
    ++st.resyncs;
  } else if (type.starts_with("error\"")) {
    if (line.find("\"code\":\"unavailable\"") != std::string_view::npos) {
      return retry(parse_int(line, "\"rid\":"));
    }
    if (++st.errors <= 5) std::cerr << "loadgen: error from server: " << line << "\n";
  }
}

void Client::post() {
  ++posted;
  ++in_flight;
  ++d_.st.posted;
  d_.st.expected += d_.room_conns[room_];
  const std::string stamp = "T" + std::to_string(now_ns());
  if (d_.cfg.mode == "raw") {
    write("P " + std::to_string(room_) + " " + stamp + " bench message" + d_.pad);
  } else {
    auto msg = "{\"type\":\"post\",\"rid\":" + std::to_string(posted) +
               ",\"room\":" + std::to_string(room_) + ",\"cmid\":\"c" + std::to_string(index_) +
               "-" + std::to_string(posted) + "\",\"text\":\"" + stamp +
               " bench message\",\"lang\":\"en\"}";
    posts_[posted] = msg;
    write(std::move(msg));
  }
}

// The same post (same cmid, same stamp: its latency counts the wait) in 20 ms.
void Client::retry(std::int64_t rid) {
  auto it = posts_.find(rid);
  if (it == posts_.end()) {
    ++d_.st.errors;
    return;
  }
  ++d_.st.retried;
  auto t = std::make_shared<asio::steady_timer>(ws_->get_executor(), std::chrono::milliseconds(20));
  t->async_wait([t, self = shared_from_this(), msg = it->second](beast::error_code ec) {
    if (!ec && self->up) self->write(msg);
  });
}

void Client::write(std::string s) {
  out_.push_back(std::move(s));
  if (!writing_) do_write();
}

void Client::do_write() {
  writing_ = true;
  pending_write_ = std::move(out_.front());
  out_.pop_front();
  ws_->text(true);
  ws_->async_write(asio::buffer(pending_write_),
                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                     self->writing_ = false;
                     if (ec) return;
                     if (!self->out_.empty()) self->do_write();
                   });
}

// ---------------------------------------------------------------- Driver

std::string Driver::server_pid() const {
  std::ifstream f(cfg.server_pid_file);
  std::string pid;
  f >> pid;
  return pid;
}

void Driver::start() {
  std::ifstream tf(cfg.tokens);
  std::int64_t user = 0, room = 0;
  std::string token;
  std::unordered_map<std::int64_t, std::int64_t> senders_in_room;
  while (static_cast<std::int64_t>(clients.size()) < cfg.conns && tf >> user >> token >> room) {
    auto c = std::make_shared<Client>(*this, static_cast<std::int64_t>(clients.size()), user, token,
                                      room);
    if (room > 0) {
      ++room_conns[room];
      if (senders_in_room[room]++ < cfg.senders_per_room) {
        c->sender = true;
        senders_.push_back(c.get());
      }
    }
    clients.push_back(std::move(c));
  }
  if (static_cast<std::int64_t>(clients.size()) < cfg.conns) {
    std::cerr << "loadgen: only " << clients.size() << " tokens in " << cfg.tokens << "\n";
  }
  if (cfg.messages > 0 && senders_.empty()) std::cerr << "loadgen: no senders\n";
  for (std::size_t i = 0; i < senders_.size(); ++i) {
    senders_[i]->quota =
        cfg.messages / static_cast<std::int64_t>(senders_.size()) +
        (static_cast<std::int64_t>(i) < cfg.messages % static_cast<std::int64_t>(senders_.size())
             ? 1
             : 0);
  }
  pad = " " + std::string(160, 'x');  // raw frames about the size of a praxis event
  if (cfg.port == 0) {
    std::ifstream pf(cfg.port_file);
    pf >> cfg.port;
  }
  server = tcp::endpoint(asio::ip::make_address("127.0.0.1"), cfg.port);
  limit_.expires_after(
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(cfg.time_limit)));
  limit_.async_wait([this](beast::error_code ec) {
    if (!ec) finish(true);
  });
  if (!cfg.server_pid_file.empty())
    rss_before_kib_ = praxis::bench::status_kib(server_pid(), "VmRSS");
  t_connect0_ = now_ns();
  cpu0_ = cfg.server_pid_file.empty() ? 0 : praxis::bench::cpu_seconds(server_pid());
  launch_connects();
}

void Driver::launch_connects() {
  const auto done = st.ready + st.connect_failed;
  while (next_connect_ < static_cast<std::int64_t>(clients.size()) &&
         next_connect_ - done < cfg.concurrency) {
    clients[static_cast<std::size_t>(next_connect_++)]->connect();
  }
}

void Driver::on_failed(Client& c) {
  if (phase == Phase::kStorm || phase == Phase::kStormWait) {
    // The server is not back yet: try again shortly.
    ++st.reconnect_attempts;
    auto t = std::make_shared<asio::steady_timer>(ioc, std::chrono::milliseconds(50));
    t->async_wait([t, self = c.shared_from_this()](beast::error_code) { self->connect(); });
    return;
  }
  if (phase != Phase::kConnect) return;
  if (++st.connect_failed <= 5) std::cerr << "loadgen: connect failed\n";
  launch_connects();
  if (st.ready + st.connect_failed == static_cast<std::int64_t>(clients.size())) on_ready(c);
}

void Driver::on_ready(Client&) {
  if (phase != Phase::kConnect) return;
  if (st.ready + st.connect_failed < static_cast<std::int64_t>(clients.size())) ++st.ready;
  if (st.ready + st.connect_failed < static_cast<std::int64_t>(clients.size()))
    return launch_connects();
  t_connected_ = now_ns();
  const double secs = static_cast<double>(t_connected_ - t_connect0_) / 1e9;
  std::cerr << "loadgen: " << st.ready << " connected in " << secs << " s\n";
  if (cfg.storm) {
    phase = Phase::kStormWait;
    if (!cfg.ready_file.empty()) std::ofstream(cfg.ready_file) << "ready\n";
    return;
  }
  if (cfg.idle_seconds > 0 || cfg.messages == 0) {
    phase = Phase::kSettle;
    timer_.expires_after(std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(cfg.idle_seconds)));
    timer_.async_wait([this](beast::error_code ec) {
      if (!ec) finish(false);
    });
    return;
  }
  phase = Phase::kSettle;  // let the presence fan-out of the connect phase drain
  timer_.expires_after(std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(cfg.settle_seconds)));
  timer_.async_wait([this](beast::error_code ec) {
    if (!ec) begin_send();
  });
}

void Driver::begin_send() {
  phase = Phase::kSend;
  t_send0_ = now_ns();
  t_last_ack_ = t_last_deliv_ = t_send0_;
  if (!cfg.server_pid_file.empty()) cpu0_ = praxis::bench::cpu_seconds(server_pid());
  self_cpu0_ = praxis::bench::cpu_seconds("self");
  if (cfg.rate > 0) return pace();
  for (auto* s : senders_) {
    for (std::int64_t i = 0; i < cfg.window && s->posted < s->quota; ++i) s->post();
  }
}

void Driver::pace() {
  const double elapsed = static_cast<double>(now_ns() - t_send0_) / 1e9;
  auto due = std::min<std::int64_t>(static_cast<std::int64_t>(elapsed * cfg.rate), cfg.messages) -
             st.posted;
  for (std::size_t tries = 0; due > 0 && tries < senders_.size() * 2;) {
    auto* s = senders_[rr_++ % senders_.size()];
    if (s->posted < s->quota) {
      s->post();
      --due;
      tries = 0;
    } else {
      ++tries;
    }
  }
  if (st.posted >= cfg.messages) return;
  timer_.expires_after(std::chrono::milliseconds(1));
  timer_.async_wait([this](beast::error_code ec) {
    if (!ec) pace();
  });
}

void Driver::on_ack(Client& c) {
  ++st.acked;
  --c.in_flight;
  t_last_ack_ = now_ns();
  if (phase == Phase::kSend && cfg.rate <= 0 && c.posted < c.quota) c.post();
  maybe_finish();
}

void Driver::maybe_finish() {
  if (phase == Phase::kSend && st.posted >= cfg.messages && st.acked >= cfg.messages &&
      st.deliveries >= st.expected) {
    finish(false);
  }
}

void Driver::on_down(Client& c) {
  if (phase != Phase::kStormWait && phase != Phase::kStorm) return;
  if (first_down_ns == 0) first_down_ns = now_ns();
  phase = Phase::kStorm;
  c.resuming = true;
  ++st.reconnect_attempts;
  c.connect();
}

void Driver::on_synced_after_storm(Client&) {
  if (first_back_ns == 0) first_back_ns = now_ns();
  if (++st.resumed == static_cast<std::int64_t>(clients.size()) - st.connect_failed) finish(false);
}

double pct(std::vector<std::uint32_t>& v, double p) {
  if (v.empty()) return 0;
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
  return static_cast<double>(v[i]) / 1000.0;
}

void Driver::finish(bool timed_out) {
  if (phase == Phase::kDone) return;
  const auto end = now_ns();
  const auto prev = phase;
  phase = Phase::kDone;
  const std::string pid = cfg.server_pid_file.empty() ? "" : server_pid();
  const double conn_s =
      t_connected_ > 0 ? static_cast<double>(t_connected_ - t_connect0_) / 1e9 : 0;
  std::printf("scenario=%s mode=%s conns=%lld connected=%lld connect_failed=%lld conn_per_s=%.0f",
              cfg.scenario.c_str(), cfg.mode.c_str(), static_cast<long long>(clients.size()),
              static_cast<long long>(st.ready), static_cast<long long>(st.connect_failed),
              conn_s > 0 ? static_cast<double>(st.ready) / conn_s : 0.0);
  if (cfg.messages > 0) {
    const double send_s =
        static_cast<double>(std::max(t_last_ack_, t_last_deliv_) - t_send0_) / 1e9;
    const double ack_s = static_cast<double>(t_last_ack_ - t_send0_) / 1e9;
    const double del_s = static_cast<double>(t_last_deliv_ - t_send0_) / 1e9;
    const double self_cpu = praxis::bench::cpu_seconds("self") - self_cpu0_;
    std::printf(
        " senders=%zu posted=%lld acked=%lld acked_per_s=%.0f deliveries=%lld expected=%lld "
        "deliveries_per_s=%.0f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f send_s=%.2f "
        "loadgen_cpu_pct=%.0f",
        senders_.size(), static_cast<long long>(st.posted), static_cast<long long>(st.acked),
        ack_s > 0 ? static_cast<double>(st.acked) / ack_s : 0.0,
        static_cast<long long>(st.deliveries), static_cast<long long>(st.expected),
        del_s > 0 ? static_cast<double>(st.deliveries) / del_s : 0.0, pct(st.latency_us, 0.5),
        pct(st.latency_us, 0.95), pct(st.latency_us, 0.99), pct(st.latency_us, 1.0), send_s,
        send_s > 0 ? 100.0 * self_cpu / send_s : 0.0);
    if (!pid.empty()) {
      const double server_cpu = praxis::bench::cpu_seconds(pid) - cpu0_;
      // CPU per delivery is what a faster server changes; it moves far less than
      // rates do with the VM's neighbours.
      std::printf(" server_cpu_pct=%.0f server_cpu_us_per_delivery=%.3f",
                  send_s > 0 ? 100.0 * server_cpu / send_s : 0.0,
                  st.deliveries > 0 ? 1e6 * server_cpu / static_cast<double>(st.deliveries) : 0.0);
    }
  }
  if (cfg.storm) {
    std::printf(
        " resumed=%lld replayed=%lld resyncs=%lld reconnect_attempts=%lld resume_s=%.2f "
        "down_to_all_resumed_s=%.2f",
        static_cast<long long>(st.resumed), static_cast<long long>(st.replayed),
        static_cast<long long>(st.resyncs), static_cast<long long>(st.reconnect_attempts),
        first_back_ns > 0 ? static_cast<double>(end - first_back_ns) / 1e9 : 0.0,
        first_down_ns > 0 ? static_cast<double>(end - first_down_ns) / 1e9 : 0.0);
  }
  if (!pid.empty()) {
    const auto rss = praxis::bench::status_kib(pid, "VmRSS");
    const auto hwm = praxis::bench::status_kib(pid, "VmHWM");
    std::printf(" server_rss_mib=%.1f server_peak_rss_mib=%.1f", static_cast<double>(rss) / 1024.0,
                static_cast<double>(hwm) / 1024.0);
    if (cfg.idle_seconds > 0 && st.ready > 0) {
      std::printf(" server_rss_before_mib=%.1f rss_per_conn_kib=%.2f",
                  static_cast<double>(rss_before_kib_) / 1024.0,
                  static_cast<double>(rss - rss_before_kib_) / static_cast<double>(st.ready));
    }
  }
  std::printf(" retried=%lld", static_cast<long long>(st.retried));
  std::printf(" gaps=%lld dups=%lld errors=%lld timed_out=%d phase_at_end=%d\n",
              static_cast<long long>(st.gaps), static_cast<long long>(st.dups),
              static_cast<long long>(st.errors), timed_out ? 1 : 0, static_cast<int>(prev));
  std::fflush(stdout);
  ioc.stop();
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    if (k == "--storm") {
      cfg.storm = true;
      continue;
    }
    if (i + 1 >= argc) {
      std::cerr << "praxis_loadgen: " << k << " needs a value\n";
      return 2;
    }
    const std::string v = argv[++i];
    if (k == "--mode")
      cfg.mode = v;
    else if (k == "--scenario")
      cfg.scenario = v;
    else if (k == "--port")
      cfg.port = static_cast<unsigned short>(std::stoi(v));
    else if (k == "--port-file")
      cfg.port_file = v;
    else if (k == "--tokens")
      cfg.tokens = v;
    else if (k == "--server-pid-file")
      cfg.server_pid_file = v;
    else if (k == "--ready-file")
      cfg.ready_file = v;
    else if (k == "--conns")
      cfg.conns = std::stoll(v);
    else if (k == "--senders-per-room")
      cfg.senders_per_room = std::stoll(v);
    else if (k == "--messages")
      cfg.messages = std::stoll(v);
    else if (k == "--window")
      cfg.window = std::stoll(v);
    else if (k == "--concurrency")
      cfg.concurrency = std::stoll(v);
    else if (k == "--sources")
      cfg.sources = std::stoll(v);
    else if (k == "--rate")
      cfg.rate = std::stod(v);
    else if (k == "--time-limit")
      cfg.time_limit = std::stod(v);
    else if (k == "--idle-seconds")
      cfg.idle_seconds = std::stod(v);
    else if (k == "--settle-seconds")
      cfg.settle_seconds = std::stod(v);
    else {
      std::cerr << "praxis_loadgen: unknown option " << k << "\n";
      return 2;
    }
  }
  if (cfg.tokens.empty() || cfg.conns <= 0 || (cfg.port == 0 && cfg.port_file.empty())) {
    std::cerr << "usage: praxis_loadgen --tokens F --conns N (--port P | --port-file F) [see "
                 "bench/README.md]\n";
    return 2;
  }
  asio::io_context ioc(1);
  Driver d(ioc, cfg);
  d.start();
  ioc.run();
  return 0;
}
