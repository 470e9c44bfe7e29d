#include "storage/core/writer.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../storage_fixture.hpp"
#include "storage/core/reader.hpp"
#include "writer_fixture.hpp"

namespace praxis::storage {
namespace {

using test::kT0;

TEST_CASE("run_sync commits and reports") {
  test::WriterDb db;
  CHECK(db.stream > 0);
  CHECK(db.writer->run_sync(db.append("hello")));
  CHECK_FALSE(db.writer->run_sync([](Txn&) { throw std::runtime_error("boom"); }));
  Reader r(db.path);
  CHECK(r.stream(db.stream)->last_seq == 1);
  CHECK(db.commits >= 3);
  CHECK(db.committed_jobs == 3);
  CHECK(db.writer->queue_depth() == 0);
  CHECK(db.failed() == std::vector<std::string>{"job: boom"});
}

TEST_CASE("many submits from several threads are all committed, done in order") {
  test::WriterDb db;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 250;
  std::mutex mu;
  std::vector<std::pair<int, int>> done_order;  // (thread, index) in done order
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        db.writer->submit(db.append(std::to_string(t) + ":" + std::to_string(i)),
                          [&, t, i](Outcome& o) {
                            if (o.committed && o.appends.size() == 1) ++ok;
                            std::lock_guard lock(mu);
                            done_order.emplace_back(t, i);
                          });
      }
    });
  }
  for (auto& th : threads) th.join();
  db.writer->stop();  // drains

  CHECK(ok == kThreads * kPerThread);
  REQUIRE(done_order.size() == static_cast<std::size_t>(kThreads * kPerThread));
  std::vector<int> next(kThreads, 0);  // each thread's submissions complete in order
  for (auto [t, i] : done_order) CHECK(i == next[t]++);
  CHECK(db.commits < static_cast<std::size_t>(kThreads * kPerThread));  // grouped
  Reader r(db.path);
  CHECK(r.stream(db.stream)->last_seq == kThreads * kPerThread);
  auto events = r.events_after(db.stream, 0, 10'000);
  REQUIRE(events.size() == static_cast<std::size_t>(kThreads * kPerThread));
  for (std::size_t k = 0; k < events.size(); ++k) CHECK(events[k].seq == Seq(k + 1));
}

TEST_CASE("submit after stop reports failure at once") {
  test::WriterDb db;
  db.writer->stop();
  db.writer->stop();  // idempotent
  bool called = false;
  Outcome got{true, {}};
  db.writer->submit(db.append("late"), [&](Outcome& o) {
    called = true;
    got = o;
  });
  CHECK(called);
  CHECK_FALSE(got.committed);
  CHECK(got.appends.empty());
  CHECK_FALSE(db.writer->run_sync(db.append("late")));
}

TEST_CASE("a refused call rolls back only itself, not its job") {
  test::WriterDb db;
  Status second = Status::kOk;
  test::Outcomes outcomes;
  db.writer->submit(
      [&](Txn& t) {
        db.append("kept")(t);
        second = t.guarded("refused", [&] {
          db.append("rolled back")(t);
          return Status::kNotFound;
        });
      },
      outcomes.done());
  db.writer->stop();
  CHECK(second == Status::kNotFound);
  REQUIRE(outcomes.seen.size() == 1);
  CHECK(outcomes.seen[0].committed);
  REQUIRE(outcomes.seen[0].appends.size() == 1);
  CHECK(outcomes.seen[0].appends[0].body == "kept");
  Reader r(db.path);
  CHECK(r.stream(db.stream)->last_seq == 1);
}

TEST_CASE("a throwing done callback is reported and the writer goes on") {
  test::WriterDb db;
  std::promise<void> called;
  db.writer->submit(db.append("a"), [&](Outcome&) {
    called.set_value();
    throw std::runtime_error("callback");
  });
  called.get_future().wait();
  CHECK(db.writer->run_sync(db.append("b")));
  CHECK(db.failed() == std::vector<std::string>{"done: callback"});
  Reader r(db.path);
  CHECK(r.stream(db.stream)->last_seq == 2);
}

TEST_CASE("a DoneScope wraps each batch's done callbacks once") {
  test::WriterDb db;
  std::mutex mu;
  std::vector<std::string> seen;
  auto note = [&](std::string what) {
    std::lock_guard lock(mu);
    seen.push_back(std::move(what));
  };
  Writer w(db.path, {}, {}, [&](const std::function<void()>& run_done) {
    note("begin");
    run_done();
    note("end");
  });
  test::Gate gate;
  gate.hold(w);  // its own batch: begin, end
  for (int i = 0; i < 3; ++i) {
    w.submit(db.append("x"), [&, i](Outcome& o) {
      CHECK(o.committed);
      note(std::to_string(i));
    });
  }
  gate.release();
  w.stop();
  std::lock_guard lock(mu);
  CHECK(seen == std::vector<std::string>{"begin", "end", "begin", "0", "1", "2", "end"});
}

}  // namespace
}  // namespace praxis::storage
