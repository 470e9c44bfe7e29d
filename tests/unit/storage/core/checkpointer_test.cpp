// WAL checkpoints run on the checkpointer's thread, not in the writer's
// commits (SQLite's automatic checkpoint is replaced by the writer's WAL hook).
#include "storage/core/checkpointer.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

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
