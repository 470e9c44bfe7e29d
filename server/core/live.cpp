#include "server/core/live.hpp"

#include <algorithm>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <memory>
#include <utility>

#include "server/core/core.hpp"
#include "server/core/delivery.hpp"

namespace praxis::server {

namespace {
// Queues p for each of `connections` but those of the users in `except` (ascending).
void send_to(Core& core, const std::vector<ConnectionPtr>& connections, const Payload& p,
             std::span<const Id> except) {
  for (const auto& c : connections) {
    if (std::binary_search(except.begin(), except.end(), c->user_id())) continue;
    queue(core, c, Connection::Item::message(p));
  }
}
}  // namespace

void Live::broadcast(Id stream, const Payload& p, Id except_user) {
  // NOTE: held by name: `for (c : *hub.stream_connections(s))` would iterate
  // a vector whose owner (the temporary) is already gone, and a subscribe or
  // unsubscribe on another thread then frees it under the loop (a SIGSEGV
  // seen once in CI, and in a loop of test_bad_input).
  const auto subscribers = core_.hub.stream_connections(stream);
  send_to(core_, *subscribers, p, std::span<const Id>(&except_user, except_user != 0 ? 1 : 0));
}

void Live::broadcast_gathered(Id stream, std::string text) {
  // One stream's gathered text goes out at once past this (a frame's worth).
  constexpr std::size_t kMaxGathered = 64 * 1024;
  const int tick = core_.settings.presence_tick_ms;
  if (tick <= 0 || !core_.workers) return broadcast(stream, make_payload(std::move(text)));
  std::string full;
  {
    std::lock_guard lock(mu_);
    auto& pending = gathered_[stream];
    if (!pending.empty()) pending += '\n';
    pending += text;
    if (pending.size() >= kMaxGathered) {
      full = std::move(pending);
      gathered_.erase(stream);
    }
    if (full.empty() && !std::exchange(flush_pending_, true)) {
      auto timer = std::make_shared<boost::asio::steady_timer>(core_.workers->get_executor(),
                                                               std::chrono::milliseconds(tick));
      timer->async_wait([this, timer](boost::system::error_code) { flush_gathered(); });
    }
  }
  if (!full.empty()) broadcast(stream, make_payload(std::move(full)));
}

void Live::flush_gathered() {
  std::unordered_map<Id, std::string> ready;
  {
    std::lock_guard lock(mu_);
    ready.swap(gathered_);
    flush_pending_ = false;
  }
  for (auto& [stream, text] : ready) broadcast(stream, make_payload(std::move(text)));
}

std::vector<Id> Live::present(Id stream) { return core_.hub.present_users(stream); }

void Live::to_user(Id user, const std::function<void(Connection&)>& fn) {
  for (const auto& c : core_.hub.user_connections(user)) {
    // NOTE: the item lives in c's own inbox: it holds c by a plain pointer (a
    // shared_ptr there would keep c alive for ever if it closed first). It
    // only runs inside a drain, which holds c.
    queue(core_, c, Connection::Item::work([raw = c.get(), fn] { fn(*raw); }));
  }
}

void Live::to_everyone(const Payload& p, std::span<const Id> except_users) {
  send_to(core_, core_.hub.all_connections(), p, except_users);
}

void Live::grant(Id user, Id stream, const std::string& kind, Seq from) {
  for (const auto& c : core_.hub.user_connections(user)) {
    // The hub first, now (commit order): what is published from here on
    // reaches c's inbox behind this item, which sets where c stands.
    const bool arrived = core_.hub.subscribe(stream, kind, c, true);
    queue(core_, c, Connection::Item::work([raw = c.get(), stream, from] {
            raw->delivered.try_emplace(stream, from);
          }));
    if (arrived) announce(stream, kind, user, true);
  }
}

void Live::revoke(Id user, Id stream) {
  ++endings_;
  for (const auto& c : core_.hub.user_connections(user)) {
    std::string kind;
    const bool gone = core_.hub.unsubscribe(stream, c.get(), &kind);
    // Again on the strand: a subscription made there in the meantime (a hello
    // or a subscribe that read the membership before this commit) ends too.
    queue(core_, c, Connection::Item::work([this, raw = c.get(), stream, user] {
            raw->delivered.erase(stream);
            std::string k;
            if (core_.hub.unsubscribe(stream, raw, &k)) announce(stream, k, user, false);
          }));
    if (gone) announce(stream, kind, user, false);
  }
}

void Live::close_user(Id user, std::uint16_t code, const std::string& reason,
                      const std::string& keep) {
  ++endings_;
  for (const auto& c : core_.hub.user_connections(user)) {
    if (!keep.empty() && c->principal().token_hash == keep) continue;
    c->post([c, code, reason] { c->close(code, reason); });
  }
}

void Live::close_session(Id user, const std::string& token_hash, std::uint16_t code,
                         const std::string& reason) {
  ++endings_;
  for (const auto& c : core_.hub.user_connections(user)) {
    if (c->principal().token_hash != token_hash) continue;
    c->post([c, code, reason] { c->close(code, reason); });
  }
}

void Live::announce(Id stream, const std::string& kind, Id user, bool present) {
  const auto* policy = core_.registry.policy(kind);
  if (policy && policy->presence) policy->presence(*this, stream, user, present);
}

}  // namespace praxis::server
