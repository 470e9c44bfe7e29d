#include "storage/core/streams.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../storage_fixture.hpp"
#include "storage/core/error.hpp"

namespace praxis::storage {
namespace {

using test::kT0;

std::vector<Seq> seqs(const std::vector<StoredEvent>& events) {
  std::vector<Seq> out;
  for (const auto& e : events) out.push_back(e.seq);
  return out;
}

TEST_CASE("each stream numbers its events 1, 2, 3 ... on its own") {
  test::Db db;
  auto& log = db.txn->streams();
  const Id a = log.create("test", kT0);
  const Id b = log.create("other", kT0 + 1);
  CHECK(a != b);
  REQUIRE(log.head(a));
  CHECK(log.head(a)->id == a);
  CHECK(log.head(a)->kind == "test");
  CHECK(log.head(a)->last_seq == 0);
  CHECK(log.head(b)->kind == "other");

  CHECK(log.append(a, "note", Id{1}, kT0, R"({"n":1})") == 1);
  CHECK(log.append(b, "note", Id{1}, kT0, R"({"n":1})") == 1);
  CHECK(log.append(a, "note", std::nullopt, kT0, R"({"n":2})") == 2);  // no actor
  CHECK(log.append(a, "note", Id{2}, kT0, R"({"n":3})") == 3);
  CHECK(log.append(b, "note", Id{2}, kT0, R"({"n":2})") == 2);
  CHECK(log.head(a)->last_seq == 3);
  CHECK(log.head(b)->last_seq == 2);

  auto events = db.reader->events_after(a, 0, 10);
  CHECK(seqs(events) == std::vector<Seq>{1, 2, 3});
  CHECK(events[1].body == R"({"n":2})");
  CHECK(seqs(db.reader->events_after(b, 0, 10)) == std::vector<Seq>{1, 2});
  CHECK(db.reader->stream(a)->last_seq == 3);
}

TEST_CASE("appending to a stream that does not exist is an Error") {
  test::Db db;
  auto& log = db.txn->streams();
  CHECK_FALSE(log.head(999));
  CHECK_THROWS_AS(log.append(999, "note", Id{1}, kT0, "{}"), Error);
  CHECK(db.txn->take_appends().empty());
}

TEST_CASE("appends are recorded for publication in append order") {
  test::Db db;
  auto& log = db.txn->streams();
  const Id a = log.create("test", kT0);
  const Id b = log.create("test", kT0);
  CHECK(db.txn->take_appends().empty());  // creating a stream appends nothing
  log.append(a, "note", Id{1}, kT0, "x");
  log.append(b, "note", Id{1}, kT0, "y");
  log.append(a, "note", Id{1}, kT0, "z");

  auto appends = db.txn->take_appends();
  REQUIRE(appends.size() == 3);
  CHECK((appends[0].stream == a && appends[0].seq == 1 && appends[0].body == "x"));
  CHECK((appends[1].stream == b && appends[1].seq == 1 && appends[1].body == "y"));
  CHECK((appends[2].stream == a && appends[2].seq == 2 && appends[2].body == "z"));
  CHECK(db.txn->take_appends().empty());  // taken: cleared

  log.append(a, "note", Id{1}, kT0, "w");
  db.txn->discard_appends();
  CHECK(db.txn->take_appends().empty());
}

TEST_CASE("redact replaces a stored body and nothing else") {
  test::Db db;
  auto& log = db.txn->streams();
  const Id a = log.create("test", kT0);
  log.append(a, "note", Id{1}, kT0, R"({"text":"secret"})");
  log.append(a, "note", Id{1}, kT0, R"({"text":"public"})");
  db.txn->discard_appends();

  log.redact(a, 1, R"({"text":""})");
  CHECK(log.body(a, 1) == std::optional<std::string>(R"({"text":""})"));
  CHECK(log.body(a, 2) == std::optional<std::string>(R"({"text":"public"})"));
  CHECK_FALSE(log.body(a, 3));
  CHECK(db.txn->take_appends().empty());  // a redaction is not published
  CHECK(log.head(a)->last_seq == 2);

  auto events = db.reader->events_after(a, 0, 10);  // replays show the new body
  REQUIRE(events.size() == 2);
  CHECK(events[0].body == R"({"text":""})");
  CHECK(events[1].body == R"({"text":"public"})");
}

TEST_CASE("seq_by_cmid finds an actor's earlier event in a stream") {
  test::Db db;
  auto& log = db.txn->streams();
  const Id a = log.create("test", kT0);
  const Id b = log.create("test", kT0);
  CHECK(log.append(a, "message", Id{1}, kT0, "{}", "c-1") == 1);
  CHECK(log.append(a, "message", Id{2}, kT0, "{}", "c-1") == 2);  // another actor may
  CHECK(log.append(a, "message", Id{1}, kT0, "{}") == 3);         // no cmid
  CHECK(log.append(a, "message", Id{1}, kT0, "{}") == 4);

  CHECK(log.seq_by_cmid(a, 1, "c-1") == std::optional<Seq>(1));
  CHECK(log.seq_by_cmid(a, 2, "c-1") == std::optional<Seq>(2));
  CHECK_FALSE(log.seq_by_cmid(a, 1, "c-2"));
  CHECK_FALSE(log.seq_by_cmid(a, 3, "c-1"));
  CHECK_FALSE(log.seq_by_cmid(a, 1, ""));  // "" is no cmid
  CHECK_FALSE(log.seq_by_cmid(b, 1, "c-1"));

  // The same (stream, actor, cmid) twice is refused; in a guarded call the
  // failed append takes its seq back with it.
  auto again = [&] {
    return db.txn->guarded("again", [&] {
      log.append(a, "message", Id{1}, kT0, "{}", "c-1");
      return Status::kOk;
    });
  };
  CHECK_THROWS_AS(again(), Error);
  CHECK(log.head(a)->last_seq == 4);
  CHECK(log.append(b, "message", Id{1}, kT0, "{}", "c-1") == 1);  // another stream may
}

}  // namespace
}  // namespace praxis::storage
