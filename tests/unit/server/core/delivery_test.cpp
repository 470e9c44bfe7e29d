#include "server/core/delivery.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "../fake_connection.hpp"
#include "../server_fixture.hpp"
#include "server/core/context.hpp"
#include "server/core/fanout.hpp"
#include "server/core/resume.hpp"
#include "storage/core/txn.hpp"

// In-process tests of delivery, without the network: commits on the real
// writer thread, connections that run their strand work when the test says
// (FakeConnection::run_posted), and what each connection was sent.
namespace praxis::server {
namespace {

using Json = nlohmann::json;
using test::FakeConnection;

constexpr const char* kKind = "test";

struct Delivery : test::Server {
  Delivery()
      : test::Server([](Registry& r) {
          StreamPolicy p;
          p.may_read = [](storage::Reader&, const Principal& who, Id) { return who.user != 666; };
          r.stream_kind(kKind, p);
        }) {
    REQUIRE(store->writer().run_sync(
        [this](storage::Txn& tx) { stream = tx.streams().create(kKind, test::kT0); }));
  }

  // Appends to the log without publishing (as if the publication were lost).
  void append_unpublished(int n) {
    REQUIRE(store->writer().run_sync([&](storage::Txn& tx) {
      for (int i = 0; i < n; ++i) tx.streams().append(stream, "x", 1, test::kT0, "{}");
    }));
  }
  // Appends n events (bodies {"n":k}) and publishes them as the core does.
  void append(int n) {
    submit_appends(n);
    flush();
  }
  void submit_appends(int n) {
    for (int i = 0; i < n; ++i) {
      store->writer().submit(
          [this](storage::Txn& tx) {
            tx.streams().append(stream, "x", 1, test::kT0, Json{{"n", ++count}}.dump());
          },
          [this](storage::Outcome& o) { publish(core, o.appends); });
    }
  }
  // As a post does: appends through c's Context, then answers `ack` (rid).
  void post_with_ack(const ConnectionPtr& c, const char* rid) {
    Context ctx(core, c, rid);
    ctx.write<int>(
        [this](storage::Txn& tx) {
          return static_cast<int>(tx.streams().append(stream, "x", 1, test::kT0, R"({"k":1})"));
        },
        [](Context& ctx, int seq) {
          ctx.reply(protocol::Ack{nullptr, 0, seq});
        });
  }
  // Holds the writer until `go` is set: what is submitted meanwhile commits
  // (and fans out) as one batch. Returns once the writer is inside the held
  // job, so that nothing submitted afterwards can join the held batch.
  void hold(std::promise<void>& go) {
    std::promise<void> held;
    store->writer().submit(
        [wait = go.get_future().share(), &held](storage::Txn&) {
          held.set_value();
          wait.wait();
        },
        nullptr);
    held.get_future().wait();
  }
  // Waits until every job submitted so far has committed, run its `done` and
  // had its events pushed: run_sync returns from inside its batch's `done`
  // callbacks, before the batch's fan-out, so a second batch waits for that.
  void flush() {
    REQUIRE(store->writer().run_sync([](storage::Txn&) {}));
    REQUIRE(store->writer().run_sync([](storage::Txn&) {}));
  }

  std::shared_ptr<FakeConnection> member(Id user = 1) {
    auto c = std::make_shared<FakeConnection>(next_conn++, user, false);
    core.hub.add(c);
    subscribe(core, c, stream, kKind, true);
    return c;
  }

  Id stream = 0;
  int count = 0;
  std::uint64_t next_conn = 1;
};

// What a connection was sent, as (type, seq) pairs: seq for events, 0 otherwise
// (a payload may carry several messages, one a line).
std::vector<std::pair<std::string, Seq>> sent(const FakeConnection& c) {
  std::vector<std::pair<std::string, Seq>> out;
  for (const auto& text : c.sent) {
    std::size_t at = 0;
    for (;;) {
      const auto end = text.find('\n', at);
      const auto j = Json::parse(text.substr(at, end - at));
      out.emplace_back(j.at("type").get<std::string>(), j.value("seq", Seq{0}));
      if (end == std::string::npos) break;
      at = end + 1;
    }
  }
  return out;
}

using Sent = std::vector<std::pair<std::string, Seq>>;

TEST_CASE_METHOD(Delivery, "delivery: the requester's answer comes before the event it committed") {
  auto c = member();
  auto other = member(2);
  post_with_ack(c, "r1");
  flush();
  c->run_posted();
  other->run_posted();
  CHECK(sent(*c) == Sent{{"ack", 1}, {"event", 1}});
  CHECK(sent(*other) == Sent{{"event", 1}});
  CHECK(Json::parse(c->sent[0]).at("rid") == "r1");
  CHECK(c->delivered.at(stream) == 1);
}

TEST_CASE_METHOD(Delivery, "fan-out: one batch's events go out together, in order with the rest") {
  auto c = member();
  auto other = member(2);
  std::promise<void> go;
  hold(go);
  post_with_ack(c, "r1");
  submit_appends(1);  // 2
  Context by_other(core, other, nullptr);
  by_other.write<int>([](storage::Txn&) { return 0; },
                      [this](Context& ctx, int) { ctx.live().revoke(1, stream); });
  submit_appends(2);  // 3, 4: after the revoke
  go.set_value();
  flush();
  c->run_posted();
  other->run_posted();
  // c: its answer, then what was committed before the revoke, then nothing.
  CHECK(sent(*c) == Sent{{"ack", 1}, {"event", 1}, {"event", 2}});
  CHECK_FALSE(c->delivered.count(stream));
  CHECK(sent(*other) == Sent{{"event", 1}, {"event", 2}, {"event", 3}, {"event", 4}});
  // Encoded once per run of events (the revoke changed the subscribers between).
  REQUIRE(other->sent.size() == 2);
  CHECK(std::count(other->sent[0].begin(), other->sent[0].end(), '\n') == 1);
  CHECK(other->delivered.at(stream) == 4);
}

TEST_CASE_METHOD(Delivery, "live: gathered broadcasts go out together within the tick") {
  settings.presence_tick_ms = 20;
  auto c = member();
  auto other = member(2);
  c->run_posted();
  other->run_posted();
  c->sent.clear();
  other->sent.clear();
  core.live.broadcast_gathered(stream, R"({"type":"presence","user":1})");
  core.live.broadcast_gathered(stream, R"({"type":"presence","user":2})");
  CHECK(c->run_posted() == 0);  // not yet: gathered for the tick
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (c->sent.empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    c->run_posted();
  }
  REQUIRE(c->sent.size() == 1);
  CHECK(c->sent[0] == R"({"type":"presence","user":1})"
                      "\n"
                      R"({"type":"presence","user":2})");
  while (other->sent.empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    other->run_posted();
  }
  CHECK(other->sent == c->sent);
}

TEST_CASE_METHOD(Delivery, "live: with presence_tick_ms 0 a gathered broadcast goes at once") {
  settings.presence_tick_ms = 0;
  auto c = member();
  c->run_posted();
  c->sent.clear();
  core.live.broadcast_gathered(stream, R"({"type":"presence","user":1})");
  c->run_posted();
  CHECK(c->sent == std::vector<std::string>{R"({"type":"presence","user":1})"});
}

// Unsubscribes itself when sent something: as a connection closing on another
// thread does while a broadcast walks the stream's subscribers.
struct LeavesWhenSent : FakeConnection {
  LeavesWhenSent(std::uint64_t conn, Hub& hub, Id stream)
      : FakeConnection(conn, 1), hub(hub), stream(stream) {}
  void send(Payload payload) override {
    FakeConnection::send(std::move(payload));
    hub.unsubscribe(stream, this);
  }
  Hub& hub;
  Id stream;
};

TEST_CASE_METHOD(Delivery, "live: a broadcast survives its subscribers changing under it") {
  std::vector<std::shared_ptr<LeavesWhenSent>> cs;
  for (int i = 0; i < 4; ++i) {
    cs.push_back(std::make_shared<LeavesWhenSent>(next_conn++, core.hub, stream));
    core.hub.add(cs.back());
    core.hub.subscribe(stream, kKind, cs.back(), true);
  }
  core.live.broadcast(stream, make_payload(R"({"type":"presence","user":1})"), 0);
  for (const auto& c : cs) CHECK(c->sent.size() == 1);  // each had it, then left
  CHECK(core.hub.stream_connections(stream)->empty());
}

TEST_CASE_METHOD(Delivery, "delivery: a revoke committed before an event keeps that event away") {
  auto c = member();
  auto other = member(2);
  Context ctx(core, other, nullptr);
  ctx.write<int>([](storage::Txn&) { return 0; },
                 [this](Context& ctx, int) { ctx.live().revoke(1, stream); });
  append(1);
  c->run_posted();
  other->run_posted();
  CHECK(sent(*c).empty());
  CHECK_FALSE(c->delivered.count(stream));
  CHECK(sent(*other) == Sent{{"event", 1}});
}

TEST_CASE_METHOD(Delivery, "delivery: a grant committed before an event lets that event in") {
  auto c = std::make_shared<FakeConnection>(next_conn++, 3, false);
  core.hub.add(c);
  append(2);  // before the grant: not for c
  Context ctx(core, c, nullptr);
  ctx.write<int>([](storage::Txn&) { return 0; },
                 [this](Context& ctx, int) { ctx.live().grant(3, stream, kKind, 2); });
  append(1);
  c->run_posted();
  CHECK(sent(*c) == Sent{{"event", 3}});
  CHECK(c->delivered.at(stream) == 3);
}

TEST_CASE_METHOD(Delivery, "delivery: many pushes reach the strand in one drain, in order") {
  auto c = member();
  append(50);
  CHECK(c->run_posted() == 1);
  Sent want;
  for (Seq s = 1; s <= 50; ++s) want.emplace_back("event", s);
  CHECK(sent(*c) == want);
}

TEST_CASE_METHOD(Delivery, "delivery: a gap is filled from the log, duplicates are dropped") {
  auto c = member();
  append(3);
  c->run_posted();
  c->sent.clear();
  // Events 4 and 5 are committed but their publication is lost (as on a lossy bus).
  append_unpublished(2);
  append(1);  // 6
  // And 6 again (a duplicate publication).
  deliver(core, *c, {stream, 6, 6, make_payload(protocol::event_frame(stream, 6, "{}"))});
  c->run_posted();
  CHECK(sent(*c) == Sent{{"event", 4}, {"event", 5}, {"event", 6}});
}

TEST_CASE_METHOD(Delivery, "resume: replay and live events meet without a gap or a duplicate") {
  append(5);
  auto c = std::make_shared<FakeConnection>(next_conn++, 1, false);
  core.hub.add(c);
  subscribe(core, c, stream, kKind, true);    // at seq 5
  c->queued = core.settings.max_queue_bytes;  // a full queue: the replay waits
  start_resume(core, c, {{stream, 2}});
  append(2);  // 6, 7 are committed while the replay waits
  c->queued = 0;
  c->run_posted();
  CHECK(sent(*c) ==
        Sent{{"event", 3}, {"event", 4}, {"event", 5}, {"event", 6}, {"event", 7}, {"synced", 0}});
  CHECK(Json::parse(c->sent.back()).at("streams").at(std::to_string(stream)) == 7);
}

TEST_CASE_METHOD(Delivery, "resume: a revoke during the replay ends it; nothing after it is sent") {
  append(5);
  auto c = std::make_shared<FakeConnection>(next_conn++, 1, false);
  core.hub.add(c);
  subscribe(core, c, stream, kKind, true);
  c->queued = core.settings.max_queue_bytes;  // the replay waits
  start_resume(core, c, {{stream, 2}});
  append(2);  // 6, 7
  Context ctx(core, c, nullptr);
  ctx.write<int>([](storage::Txn&) { return 0; },
                 [this](Context& ctx, int) { ctx.live().revoke(1, stream); });
  append(1);  // 8: after the revoke
  c->queued = 0;
  c->run_posted();
  const auto got = sent(*c);
  REQUIRE_FALSE(got.empty());
  CHECK(got.back() == std::pair<std::string, Seq>{"synced", 0});
  for (const auto& [type, seq] : got) CHECK(seq < 8);
  CHECK_FALSE(Json::parse(c->sent.back()).at("streams").contains(std::to_string(stream)));
  CHECK_FALSE(core.hub.subscribed(stream, c.get()));
}

TEST_CASE_METHOD(Delivery, "resume: too far behind is answered with resync") {
  settings.resume_max_events = 3;
  append(5);
  auto c = member();
  start_resume(core, c, {{stream, 1}});
  c->run_posted();
  REQUIRE(sent(*c) == Sent{{"resync", 0}, {"synced", 0}});
  CHECK(Json::parse(c->sent[0]).at("last_seq") == 5);
}

TEST_CASE_METHOD(Delivery, "subscribe: after a position, replayed, then `subscribed`, then live") {
  append(4);
  auto c = std::make_shared<FakeConnection>(next_conn++, 1, false);
  core.hub.add(c);
  handle_subscribe(core, c, "s1", stream, Seq{2});
  append(1);
  c->run_posted();
  CHECK(sent(*c) == Sent{{"event", 3}, {"event", 4}, {"subscribed", 4}, {"event", 5}});
  CHECK(Json::parse(c->sent[2]).at("rid") == "s1");
  CHECK(Json::parse(c->sent[2]).at("seq") == 4);
  SECTION("and unsubscribe stops it") {
    c->sent.clear();
    handle_unsubscribe(core, c, "u1", stream);
    append(1);
    c->run_posted();
    CHECK(sent(*c) == Sent{{"unsubscribed", 0}});
  }
}

TEST_CASE_METHOD(Delivery, "subscribe: refused by the stream kind's policy, or no such stream") {
  auto c = std::make_shared<FakeConnection>(next_conn++, 666, false);
  core.hub.add(c);
  handle_subscribe(core, c, "s1", stream, std::nullopt);
  handle_subscribe(core, c, "s2", stream + 100, std::nullopt);
  REQUIRE(c->sent.size() == 2);
  for (const auto& text : c->sent) CHECK(Json::parse(text).at("code") == "forbidden");
  CHECK_FALSE(core.hub.subscribed(stream, c.get()));
}

TEST_CASE_METHOD(Delivery, "subscribe: at most max_replays wait for their replay") {
  settings.max_replays = 2;
  append(3);
  auto c = std::make_shared<FakeConnection>(next_conn++, 1, false);
  core.hub.add(c);
  c->queued = core.settings.max_queue_bytes;  // replays wait
  handle_subscribe(core, c, "s1", stream, Seq{0});
  handle_subscribe(core, c, "s2", stream, Seq{1});
  handle_subscribe(core, c, "s3", stream, Seq{2});  // the third: refused
  REQUIRE(c->sent.size() == 1);
  CHECK(Json::parse(c->sent[0]).at("code") == "rate_limited");
  CHECK(Json::parse(c->sent[0]).at("rid") == "s3");
  c->queued = 0;
  c->run_posted();
  c->sent.clear();
  handle_subscribe(core, c, "s4", stream, Seq{2});  // room again once they are done
  c->run_posted();
  CHECK(sent(*c) == Sent{{"event", 3}, {"subscribed", 3}});
}

TEST_CASE_METHOD(Delivery, "a reply larger than half the queue bound is refused, not sent") {
  settings.max_queue_bytes = 4096;
  auto c = member();
  Context ctx(core, c, "big");
  ctx.reply(
      protocol::ErrorReply{nullptr, {protocol::ErrorCode::kForbidden, std::string(5000, 'x')}});
  c->run_posted();
  REQUIRE(c->sent.size() == 1);
  const auto j = Json::parse(c->sent[0]);
  CHECK(j.at("code") == "too_large");
  CHECK(j.at("rid") == "big");
  CHECK(c->closed.empty());
}

}  // namespace
}  // namespace praxis::server
