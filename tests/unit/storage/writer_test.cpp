#include "storage/writer.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "storage/reader.hpp"
#include "storage_fixture.hpp"

namespace praxis::storage {
namespace {

using test::kMaxRooms;
using test::kT0;

// A migrated database with one user and one room, and a Writer on it.
struct WriterDb : test::TempDir {
  std::string path = file("w.db");
  Id ada = 0;
  Id room_id = 0;
  std::unique_ptr<Writer> writer;
  std::atomic<std::size_t> commits{0};
  std::atomic<std::size_t> committed_jobs{0};
  std::mutex failures_mu;
  std::vector<std::string> failures;

  WriterDb() {
    migrate(path);
    // Both run on the writer thread, before the batch's done callbacks.
    writer = std::make_unique<Writer>(
        path,
        [this](double, std::size_t jobs) {
          ++commits;
          committed_jobs += jobs;
        },
        [this](const std::string& what) {
          std::lock_guard lock(failures_mu);
          failures.push_back(what);
        });
    REQUIRE(writer->run_sync([&](WriteTxn& t) {
      User u;
      u.profile.email = "ada@example.org";
      u.profile.display_name = "ada";
      t.create_user(u);
      ada = u.id;
      Room r;
      r.name = "r";
      r.created_by = ada;
      t.create_room(r, kMaxRooms);
      room_id = r.id;
    }));
  }

  Writer::Job post(std::string text) {
    return [this, text](WriteTxn& t) {
      NewMessage m;
      m.room_id = room_id;
      m.author = ada;
      m.text = text;
      m.at = kT0;
      if (t.post_message(m).status != Status::kOk) throw std::runtime_error("post failed");
    };
  }
};

TEST_CASE("run_sync commits and reports") {
  WriterDb db;
  CHECK(db.ada > 0);
  CHECK(db.room_id > 0);
  CHECK(db.writer->run_sync(db.post("hello")));
  CHECK_FALSE(db.writer->run_sync([](WriteTxn&) { throw std::runtime_error("boom"); }));
  Reader r(db.path);
  CHECK(r.room(db.room_id)->last_seq == 1);
  CHECK(db.commits >= 3);
  CHECK(db.writer->queue_depth() == 0);
}

TEST_CASE("many submits from several threads are all committed, done in order") {
  WriterDb db;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 250;
  std::mutex mu;
  std::vector<std::pair<int, int>> done_order;  // (thread, index) in done order
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        db.writer->submit(db.post(std::to_string(t) + ":" + std::to_string(i)),
                          [&, t, i](bool committed) {
                            if (committed) ++ok;
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
  CHECK(r.room(db.room_id)->last_seq == kThreads * kPerThread);
  auto events = r.events_after(db.room_id, 0, 10'000);
  for (std::size_t k = 0; k < events.size(); ++k) CHECK(events[k].seq == Seq(k + 1));
}

TEST_CASE("a throwing job does not break the others in its batch") {
  WriterDb db;
  std::promise<void> gate;
  auto opened = gate.get_future().share();
  std::promise<void> holding;
  // Hold the writer thread so the next jobs queue up into one batch.
  db.writer->submit(
      [&holding, opened](WriteTxn&) {
        holding.set_value();
        opened.wait();
      },
      {});
  holding.get_future().wait();
  std::vector<int> results;
  std::mutex mu;
  auto record = [&](bool committed) {
    std::lock_guard lock(mu);
    results.push_back(committed ? 1 : 0);
  };
  db.writer->submit(db.post("a"), record);
  db.writer->submit(
      [&](WriteTxn& t) {
        db.post("half")(t);  // written, then rolled back with the job
        throw std::runtime_error("boom");
      },
      record);
  db.writer->submit(db.post("b"), record);
  CHECK(db.writer->queue_depth() == 3);
  gate.set_value();
  db.writer->stop();

  CHECK(results == std::vector<int>{1, 0, 1});
  // The reason is kept and handed to the failure observer (the server logs it).
  CHECK(db.failures == std::vector<std::string>{"job: boom"});
  Reader r(db.path);
  auto events = r.events_after(db.room_id, 0, 10);
  REQUIRE(events.size() == 2);
  CHECK(events[0].text == "a");
  CHECK(events[1].text == "b");
  CHECK(events[1].seq == 2);
}

TEST_CASE("submit after stop reports failure at once") {
  WriterDb db;
  db.writer->stop();
  db.writer->stop();  // idempotent
  bool called = false;
  bool result = true;
  db.writer->submit(db.post("late"), [&](bool committed) {
    called = true;
    result = committed;
  });
  CHECK(called);
  CHECK_FALSE(result);
  CHECK_FALSE(db.writer->run_sync(db.post("late")));
}

TEST_CASE("a WriteTxn status rolls back only that call") {
  WriterDb db;
  Status second = Status::kOk;
  REQUIRE(db.writer->run_sync([&](WriteTxn& t) {
    db.post("kept")(t);
    second = t.edit_message(db.room_id, db.ada, 99, "x", kT0).status;
  }));
  CHECK(second == Status::kNotFound);
  Reader r(db.path);
  CHECK(r.room(db.room_id)->last_seq == 1);
}

}  // namespace
}  // namespace praxis::storage
