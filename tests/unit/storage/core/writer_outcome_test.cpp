// What a job's `done` is told: committed or not, and what it appended.
#include "storage/core/writer.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <future>
#include <stdexcept>
#include <string>
#include <vector>

#include "../storage_fixture.hpp"
#include "storage/core/reader.hpp"
#include "storage/core/txn.hpp"
#include "writer_fixture.hpp"

namespace praxis::storage {
namespace {

using test::kT0;

// The bodies of appends or of stored events, in order.
template <class Event>
std::vector<std::string> bodies(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.body);
  return out;
}

TEST_CASE("a committed job's Outcome carries its appends in order") {
  test::WriterDb db;
  Id other = 0;
  REQUIRE(db.writer->run_sync([&](Txn& t) { other = t.streams().create("test", kT0); }));
  test::Gate gate;
  gate.hold(*db.writer);
  test::Outcomes outcomes;
  db.writer->submit(
      [&](Txn& t) {
        t.streams().append(db.stream, "note", Id{1}, kT0, "a1");
        t.streams().append(other, "note", Id{1}, kT0, "b1");
        t.streams().append(db.stream, "note", Id{1}, kT0, "a2");
      },
      outcomes.done());
  db.writer->submit(db.append("a3"), outcomes.done());  // same batch
  db.writer->submit([](Txn&) {}, outcomes.done());      // appends nothing
  gate.release();
  db.writer->stop();

  REQUIRE(outcomes.seen.size() == 3);
  const auto& first = outcomes.seen[0];
  CHECK(first.committed);
  REQUIRE(first.appends.size() == 3);
  CHECK((first.appends[0].stream == db.stream && first.appends[0].seq == 1));
  CHECK((first.appends[1].stream == other && first.appends[1].seq == 1));
  CHECK((first.appends[2].stream == db.stream && first.appends[2].seq == 2));
  CHECK(bodies(first.appends) == std::vector<std::string>{"a1", "b1", "a2"});
  CHECK(outcomes.seen[1].committed);
  REQUIRE(outcomes.seen[1].appends.size() == 1);  // its own only
  CHECK(outcomes.seen[1].appends[0].seq == 3);
  CHECK(outcomes.seen[2].committed);
  CHECK(outcomes.seen[2].appends.empty());
}

TEST_CASE("a throwing job gets nothing, the others in its batch keep theirs") {
  test::WriterDb db;
  test::Gate gate;
  gate.hold(*db.writer);
  test::Outcomes outcomes;
  db.writer->submit(db.append("a"), outcomes.done());
  db.writer->submit(
      [&](Txn& t) {
        db.append("half")(t);  // written, then rolled back with the job
        throw std::runtime_error("boom");
      },
      outcomes.done());
  db.writer->submit(db.append("b"), outcomes.done());
  CHECK(db.writer->queue_depth() == 3);
  gate.release();
  db.writer->stop();

  REQUIRE(outcomes.seen.size() == 3);
  CHECK(outcomes.seen[0].committed);
  CHECK(bodies(outcomes.seen[0].appends) == std::vector<std::string>{"a"});
  CHECK_FALSE(outcomes.seen[1].committed);
  CHECK(outcomes.seen[1].appends.empty());
  CHECK(outcomes.seen[2].committed);
  REQUIRE(outcomes.seen[2].appends.size() == 1);
  CHECK(outcomes.seen[2].appends[0].seq == 2);  // the seq "half" had is reused
  // The reason goes to the failure observer (the server logs it).
  CHECK(db.failed() == std::vector<std::string>{"job: boom"});

  Reader r(db.path);
  auto events = r.events_after(db.stream, 0, 10);
  REQUIRE(events.size() == 2);
  CHECK(events[0].body == "a");
  CHECK(events[1].body == "b");
}

TEST_CASE("jobs run once, or twice in a batch where one throws (then in savepoints)") {
  test::WriterDb db;
  test::Gate gate;
  gate.hold(*db.writer);
  int runs_a = 0, runs_b = 0, runs_c = 0;
  test::Outcomes outcomes;
  auto counted = [&](int& runs, const char* body) {
    return [&runs, &db, body](Txn& t) {
      ++runs;
      db.append(body)(t);
    };
  };
  db.writer->submit(counted(runs_a, "a"), outcomes.done());
  db.writer->submit(counted(runs_b, "b"), outcomes.done());
  db.writer->submit([](Txn&) { throw std::runtime_error("boom"); }, outcomes.done());
  db.writer->submit(counted(runs_c, "c"), outcomes.done());
  gate.release();
  REQUIRE(db.writer->run_sync(db.append("alone")));
  db.writer->stop();
  // a and b ran bare, then again after the throw rolled the batch back; c, after
  // the thrower, ran only in the second pass.
  CHECK(runs_a == 2);
  CHECK(runs_b == 2);
  CHECK(runs_c == 1);
  REQUIRE(outcomes.seen.size() == 4);
  CHECK(outcomes.seen[0].appends.at(0).seq == 1);
  CHECK(outcomes.seen[1].appends.at(0).seq == 2);
  CHECK_FALSE(outcomes.seen[2].committed);
  CHECK(outcomes.seen[3].appends.at(0).seq == 3);
  CHECK(db.failed() == std::vector<std::string>{"job: boom"});  // reported once
  Reader r(db.path);
  CHECK(bodies(r.events_after(db.stream, 0, 10)) ==
        std::vector<std::string>{"a", "b", "c", "alone"});
}

TEST_CASE("a failed commit fails every job of its batch") {
  test::WriterDb db;
  REQUIRE(db.writer->run_sync(db.append("before")));
  test::Gate gate;
  gate.hold(*db.writer);
  test::Outcomes outcomes;
  db.writer->submit(db.append("a"), outcomes.done());
  // A foreign key checked only at COMMIT: the job itself succeeds, the commit fails.
  db.writer->submit(
      [&](Txn& t) {
        db.append("b")(t);
        t.statements().db().exec("PRAGMA defer_foreign_keys = ON");
        t.statements().db().exec(
            "INSERT INTO stream_events(stream_id, seq, kind, at, body) VALUES (999, 1, 'x', 0, "
            "'')");
      },
      outcomes.done());
  std::promise<void> batch_done;
  db.writer->submit(db.append("c"), [&, record = outcomes.done()](Outcome& o) {
    record(o);
    batch_done.set_value();
  });
  CHECK(db.writer->queue_depth() == 3);
  gate.release();
  batch_done.get_future().wait();
  // The writer goes on with the next batch.
  CHECK(db.writer->run_sync(db.append("after")));
  db.writer->stop();

  REQUIRE(outcomes.seen.size() == 3);
  for (const auto& o : outcomes.seen) {
    CHECK_FALSE(o.committed);
    CHECK(o.appends.empty());
  }
  auto failures = db.failed();
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].rfind("commit: ", 0) == 0);
  CHECK(failures[0].find("FOREIGN KEY") != std::string::npos);

  Reader r(db.path);
  auto events = r.events_after(db.stream, 0, 10);
  REQUIRE(events.size() == 2);
  CHECK(events[0].body == "before");
  CHECK(events[1].body == "after");
  CHECK(events[1].seq == 2);
}

}  // namespace
}  // namespace praxis::storage
