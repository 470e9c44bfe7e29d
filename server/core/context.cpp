#include "server/core/context.hpp"

#include "server/core/core.hpp"
#include "server/core/delivery.hpp"
#include "server/core/fanout.hpp"
#include "server/core/log.hpp"

namespace praxis::server {

bool Services::write_sync(storage::Writer::Job job) { return store().writer().run_sync(job); }
Live& Services::live() { return core_->live; }
Clock& Services::clock() { return core_->clock; }
const std::string& Services::origin() const { return core_->origin; }
const Settings& Services::settings() const { return core_->settings; }
storage::Store& Services::store() { return *core_->store; }

void Context::fail(protocol::ErrorCode code, std::string why) {
  send(protocol::encode(protocol::ErrorReply{rid_, protocol::Error{code, std::move(why)}}));
}

void Context::send(std::string text) {
  // NOTE: one reply larger than half the queue bound would cut the client off
  // as a slow consumer; it gets a typed refusal instead (lists are paged and
  // trimmed to fit, so this is a last resort).
  if (text.size() > core_->settings.max_queue_bytes / 2) {
    log::warn("reply_too_large",
              {{"conn", std::to_string(c_->id())}, {"bytes", std::to_string(text.size())}});
    text = protocol::encode(protocol::ErrorReply{
        rid_,
        protocol::Error{protocol::ErrorCode::kTooLarge, "the answer is too large; ask for less"}});
  }
  queue(*core_, c_, Connection::Item::message(make_payload(std::move(text))));
}

void Context::committed(storage::Outcome& o, const std::function<void()>& then) {
  if (!o.committed) return fail(protocol::ErrorCode::kInternal, "the write failed");
  try {
    then();
  } catch (const std::exception& e) {
    log::error("commit_continuation_failed",
               {{"conn", std::to_string(c_->id())}, {"what", e.what()}});
    fail(protocol::ErrorCode::kInternal, "the server failed");
  }
  // Committed is committed: what the job appended goes out whatever happened above.
  publish(*core_, o.appends);
}

void Context::failed_read(const std::exception& e) {
  log::error("request_failed", {{"conn", std::to_string(c_->id())}, {"what", e.what()}});
  fail(protocol::ErrorCode::kInternal, "the server failed");
}

boost::asio::thread_pool& Context::read_pool() { return *core_->reads; }

bool Context::refuse_over_budget() {
  if (!settings().outbound_budget().over(outbound_memory().load())) return false;
  ++core_->metrics.writes_refused;
  cut_slow_readers(*core_);
  fail(protocol::ErrorCode::kUnavailable, "the server is catching up on deliveries; retry shortly");
  return true;
}

bool Context::enter_read_queue() {
  if (++core_->reads_waiting <= core_->settings.read_queue) return true;
  --core_->reads_waiting;
  fail(protocol::ErrorCode::kUnavailable, "busy; try again shortly");
  return false;
}

void Context::leave_read_queue() { --core_->reads_waiting; }

}  // namespace praxis::server
