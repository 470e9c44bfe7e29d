// WAL checkpoints run on the checkpointer's thread, not in the writer's
// commits (SQLite's automatic checkpoint is replaced by the writer's WAL hook).
#include "storage/core/checkpointer.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "storage/core/connection.hpp"
#include "storage/core/reader.hpp"
#include "writer_fixture.hpp"

namespace praxis::storage {
namespace {

TEST_CASE("past kCheckpointPages of WAL, the checkpointer thread checkpoints") {
  test::WriterDb db;
  CHECK(db.writer->checkpoints() == 0);
  // 40 commits of 64 KiB bodies: 16 pages each, 640 pages a round of 40, three
  // rounds: well past kCheckpointPages.
  const std::string big(64 * 1024, 'x');
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 40; ++i) REQUIRE(db.writer->run_sync(db.append(big)));
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (db.writer->checkpoints() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(db.writer->checkpoints() >= 1);
  db.writer->stop();
  Reader r(db.path);
  CHECK(r.stream(db.stream)->last_seq == 120);
  CHECK(db.failed().empty());
}

}  // namespace
}  // namespace praxis::storage

namespace praxis::storage::detail {
namespace {

TEST_CASE("past kInlineCheckpointPages the checkpoint runs at once, on the caller's thread") {
  test::WriterDb db;
  db.writer->stop();  // only this test's connection writes now
  auto conn = open_connection(db.path, Access::kWrite);
  conn->exec("PRAGMA wal_autocheckpoint = 0");
  conn->exec("CREATE TABLE scratch(x BLOB)");
  conn->exec("INSERT INTO scratch VALUES (zeroblob(200000))");
  Checkpointer checkpointer(db.path, {});
  checkpointer.wal_grew(conn->getHandle(), kCheckpointPages - 1);  // below: nothing at all
  CHECK(checkpointer.checkpoints() == 0);
  checkpointer.wal_grew(conn->getHandle(), kInlineCheckpointPages);
  CHECK(checkpointer.checkpoints() == 1);  // done before wal_grew returned
  int log = -1, copied = -1;
  REQUIRE(sqlite3_wal_checkpoint_v2(conn->getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log,
                                    &copied) == SQLITE_OK);
  CHECK(log == copied);  // every frame was in the database file already
}

}  // namespace
}  // namespace praxis::storage::detail
