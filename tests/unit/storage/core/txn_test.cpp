#include "storage/core/txn.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "../storage_fixture.hpp"
#include "storage/core/error.hpp"

namespace praxis::storage {
namespace {

using test::kT0;

// A stream with one event (seq 1, not yet taken from the Txn).
struct Log : test::Db {
  StreamLog& log = txn->streams();
  Id stream = log.create("test", kT0);
  Log() { log.append(stream, "note", Id{1}, kT0, "first"); }

  Seq last_seq() { return reader->stream(stream).value().last_seq; }  // as committed
  std::int64_t other_streams() { return scalar("SELECT COUNT(*) FROM streams") - 1; }
};

struct Result {
  Status status = Status::kOk;
  Seq seq = 0;
};

TEST_CASE("guarded keeps a call that succeeds, its appends included") {
  Log db;
  const Status kept = GENERATE(Status::kOk, Status::kDuplicate);
  auto st = db.txn->guarded("keep", [&] {
    db.log.append(db.stream, "note", Id{1}, kT0, "second");
    return kept;
  });
  CHECK(st == kept);
  CHECK(db.last_seq() == 2);
  auto appends = db.txn->take_appends();
  REQUIRE(appends.size() == 2);
  CHECK(appends[1].body == "second");
}

TEST_CASE("a refused guarded call leaves nothing behind") {
  Log db;
  const Status refused = GENERATE(Status::kNotFound, Status::kForbidden, Status::kConflict,
                                  Status::kLimitReached, Status::kUnchanged);
  auto st = db.txn->guarded("refuse", [&] {
    db.log.append(db.stream, "note", Id{1}, kT0, "rolled back");
    db.log.create("test", kT0);
    return refused;
  });
  CHECK(st == refused);
  CHECK(db.last_seq() == 1);
  CHECK(db.other_streams() == 0);
  auto appends = db.txn->take_appends();  // only what came before
  REQUIRE(appends.size() == 1);
  CHECK(appends[0].body == "first");
  // The seq is free again.
  CHECK(db.log.append(db.stream, "note", Id{1}, kT0, "second") == 2);
}

TEST_CASE("guarded reads the status of a result struct") {
  Log db;
  auto refused = db.txn->guarded("struct", [&] {
    return Result{Status::kForbidden, db.log.append(db.stream, "note", Id{1}, kT0, "x")};
  });
  CHECK(refused.status == Status::kForbidden);
  CHECK(refused.seq == 2);  // what fn returned, though it was rolled back
  CHECK(db.last_seq() == 1);
  auto ok = db.txn->guarded("struct", [&] {
    return Result{Status::kOk, db.log.append(db.stream, "note", Id{1}, kT0, "y")};
  });
  CHECK(ok.seq == 2);
  CHECK(db.last_seq() == 2);
  CHECK(db.txn->take_appends().size() == 2);
}

TEST_CASE("a throwing guarded call is rolled back and its exception leaves") {
  Log db;
  SECTION("any exception as it is") {
    CHECK_THROWS_AS(db.txn->guarded("throw",
                                    [&]() -> Status {
                                      db.log.append(db.stream, "note", Id{1}, kT0, "lost");
                                      throw std::runtime_error("boom");
                                    }),
                    std::runtime_error);
  }
  SECTION("SQLite's as Error, named after the call") {
    try {
      db.txn->guarded("bad_sql", [&] {
        db.log.append(db.stream, "note", Id{1}, kT0, "lost");
        db.txn->statements().db().exec("INSERT INTO no_such_table VALUES (1)");
        return Status::kOk;
      });
      FAIL("no exception");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).rfind("bad_sql: ", 0) == 0);
    }
  }
  CHECK(db.last_seq() == 1);
  CHECK(db.txn->take_appends().size() == 1);
  CHECK(db.log.append(db.stream, "note", Id{1}, kT0, "second") == 2);
}

TEST_CASE("a refused inner guarded call keeps the outer one's writes") {
  Log db;
  Status inner = Status::kOk;
  auto outer = db.txn->guarded("outer", [&] {
    db.log.append(db.stream, "note", Id{1}, kT0, "outer");
    inner = db.txn->guarded("inner", [&] {
      db.log.append(db.stream, "note", Id{1}, kT0, "inner");
      return Status::kConflict;
    });
    return Status::kOk;
  });
  CHECK(outer == Status::kOk);
  CHECK(inner == Status::kConflict);
  CHECK(db.last_seq() == 2);
  auto appends = db.txn->take_appends();
  REQUIRE(appends.size() == 2);
  CHECK(appends[1].body == "outer");
}

TEST_CASE("refuses_first runs without a savepoint and translates SQLite errors") {
  Log db;
  auto seq = db.txn->refuses_first(
      "plain", [&] { return db.log.append(db.stream, "note", Id{1}, kT0, "second"); });
  CHECK(seq == 2);
  CHECK_THROWS_AS(db.txn->refuses_first(
                      "bad_sql", [&] { db.txn->statements().db().exec("SELECT * FROM nowhere"); }),
                  Error);
  CHECK(db.last_seq() == 2);
}

}  // namespace
}  // namespace praxis::storage
