#include "storage/core/reader.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "../storage_fixture.hpp"
#include "storage/core/error.hpp"

namespace praxis::storage {
namespace {

using test::kT0;

// A stream with five events, bodies "1" ... "5".
struct Five : test::Db {
  Id stream = txn->streams().create("test", kT0);
  Five() {
    for (int i = 1; i <= 5; ++i)
      txn->streams().append(stream, "note", Id{1}, kT0, std::to_string(i));
  }
};

TEST_CASE("events_after replays a stream in order with a limit") {
  Five db;
  auto events = db.reader->events_after(db.stream, 1, 3);
  REQUIRE(events.size() == 3);
  CHECK(events[0].seq == 2);
  CHECK(events[0].body == "2");
  CHECK(events[2].seq == 4);
  CHECK(db.reader->events_after(db.stream, 0, 100).size() == 5);
  CHECK(db.reader->events_after(db.stream, 5, 3).empty());
  CHECK(db.reader->events_after(db.stream, 0, 0).empty());
  CHECK(db.reader->events_after(db.stream, 0, -1).empty());
  CHECK(db.reader->events_after(999, 0, 10).empty());
}

TEST_CASE("a Reader reads stream heads") {
  Five db;
  auto head = db.reader->stream(db.stream);
  REQUIRE(head);
  CHECK(head->id == db.stream);
  CHECK(head->kind == "test");
  CHECK(head->last_seq == 5);
  CHECK_FALSE(db.reader->stream(999));
  CHECK(db.reader->healthy());
}

TEST_CASE("a snapshot sees one state of the database") {
  Five db;
  auto [before, inside] = db.reader->snapshot([&] {
    const Seq first = db.reader->stream(db.stream)->last_seq;
    db.txn->streams().append(db.stream, "note", Id{1}, kT0, "6");  // commits meanwhile
    return std::pair{first, db.reader->stream(db.stream)->last_seq};
  });
  CHECK(before == 5);
  CHECK(inside == 5);
  CHECK(db.reader->stream(db.stream)->last_seq == 6);

  SECTION("a throwing fn ends the snapshot too") {
    CHECK_THROWS_AS(db.reader->snapshot([&]() -> int {
      db.reader->stream(db.stream);
      throw std::runtime_error("x");
    }),
                    std::runtime_error);
    db.txn->streams().append(db.stream, "note", Id{1}, kT0, "7");
    CHECK(db.reader->snapshot([&] { return db.reader->stream(db.stream)->last_seq; }) == 7);
  }
}

TEST_CASE("a Reader is read-only and needs a migrated file") {
  Five db;
  static constexpr char kInsert[] = "INSERT INTO streams(kind, created_at) VALUES ('x', 0)";
  CHECK_THROWS(detail::Query(db.reader->statements(), kInsert).exec());
  CHECK(db.scalar("SELECT COUNT(*) FROM streams") == 1);
  CHECK_THROWS_AS(Reader(db.file("missing.db")), Error);
}

}  // namespace
}  // namespace praxis::storage
