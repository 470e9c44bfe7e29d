// Stream heads inside a group commit (storage/core/streams.hpp write_heads):
// the log numbers a batch's appends from heads kept in memory and writes each
// head once; savepoints, refusals and a throwing job leave no gap and no
// reused number behind.
#include <catch2/catch.hpp>
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

std::vector<std::string> stored(const std::string& path, Id stream) {
  std::vector<std::string> out;
  for (const auto& e : Reader(path).events_after(stream, 0, 100)) {
    out.push_back(std::to_string(e.seq) + ":" + e.body);
  }
  return out;
}

Seq head_of(const std::string& path, Id stream) { return Reader(path).stream(stream)->last_seq; }

TEST_CASE("one batch numbers its appends on, through savepoints, refusals and a throw") {
  test::WriterDb db;
  test::Gate gate;
  gate.hold(*db.writer);
  test::Outcomes outcomes;
  std::vector<Seq> seen_heads;
  auto log = [&](Txn& t) -> StreamLog& { return t.streams(); };
  db.writer->submit(db.append("a"), outcomes.done());
  db.writer->submit(
      [&](Txn& t) {
        seen_heads.push_back(log(t).head(db.stream)->last_seq);  // a is counted
        log(t).append(db.stream, "note", Id{1}, kT0, "b");
        t.guarded("kept", [&] {
          seen_heads.push_back(log(t).head(db.stream)->last_seq);
          log(t).append(db.stream, "note", Id{1}, kT0, "c");
          return Status::kOk;
        });
        t.guarded("refused", [&] {
          log(t).append(db.stream, "note", Id{1}, kT0, "refused");
          return Status::kConflict;
        });
        seen_heads.push_back(log(t).head(db.stream)->last_seq);
        log(t).append(db.stream, "note", Id{1}, kT0, "d");
      },
      outcomes.done());
  db.writer->submit(db.append("e"), outcomes.done());
  gate.release();
  db.writer->stop();

  // The batch ran bare once: no job threw.
  CHECK(seen_heads == std::vector<Seq>{1, 2, 3});
  CHECK(stored(db.path, db.stream) == std::vector<std::string>{"1:a", "2:b", "3:c", "4:d", "5:e"});
  CHECK(head_of(db.path, db.stream) == 5);
}

TEST_CASE("a throwing job's numbers are reused, and the head counts only what was kept") {
  test::WriterDb db;
  Id other = 0;
  REQUIRE(db.writer->run_sync([&](Txn& t) { other = t.streams().create("test", kT0); }));
  REQUIRE(db.writer->run_sync(db.append("before")));
  test::Gate gate;
  gate.hold(*db.writer);
  test::Outcomes outcomes;
  db.writer->submit(db.append("a"), outcomes.done());
  db.writer->submit(
      [&](Txn& t) {
        db.append("lost")(t);
        t.streams().append(other, "note", Id{1}, kT0, "lost too");
        throw std::runtime_error("boom");
      },
      outcomes.done());
  db.writer->submit(db.append("b"), outcomes.done());
  gate.release();
  db.writer->stop();

  REQUIRE(outcomes.seen.size() == 3);
  CHECK_FALSE(outcomes.seen[1].committed);
  CHECK(stored(db.path, db.stream) == std::vector<std::string>{"1:before", "2:a", "3:b"});
  CHECK(head_of(db.path, db.stream) == 3);
  CHECK(stored(db.path, other).empty());
  CHECK(head_of(db.path, other) == 0);
}

TEST_CASE("outside a transaction every append writes its head at once") {
  test::Db db;
  const Id s = db.txn->streams().create("test", kT0);
  db.txn->streams().append(s, "note", Id{1}, kT0, "x");
  db.txn->streams().append(s, "note", Id{1}, kT0, "y");
  CHECK(db.scalar("SELECT last_seq FROM streams WHERE id = " + std::to_string(s)) == 2);
}

}  // namespace
}  // namespace praxis::storage
