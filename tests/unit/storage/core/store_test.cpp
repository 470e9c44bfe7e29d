#include "storage/core/store.hpp"

#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "../storage_fixture.hpp"
#include "storage/core/error.hpp"
#include "storage/core/txn.hpp"

namespace praxis::storage {
namespace {

namespace fs = std::filesystem;
using test::kT0;

// The permission bits of a file (no umask games: what is on disk).
unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777u;
}

TEST_CASE("Store migrates, writes and pools readers") {
  test::TempDir tmp;
  auto data_dir = tmp.dir() / "data" / "nested";
  std::size_t jobs = 0;
  Store store(data_dir, schema(),
              StoreOptions{4, [&](double, std::size_t n) { jobs += n; }, {}, {}});
  CHECK(store.path() == (data_dir / "praxis.db").string());
  CHECK(schema_version(store.path()) == kSchemaVersion);
  CHECK(store.readers() == 4);

  Id stream = 0;
  REQUIRE(store.writer().run_sync([&](Txn& t) {
    stream = t.streams().create("test", kT0);
    t.streams().append(stream, "note", Id{1}, kT0, "{}");
  }));
  CHECK(jobs == 1);
  CHECK(store.read([&](Reader& r) { return r.stream(stream)->last_seq; }) == 1);

  SECTION("a reader is reused once given back") {
    Reader* first = store.read([](Reader& r) { return &r; });
    Reader* second = store.read([](Reader& r) { return &r; });
    CHECK(first == second);
  }
  SECTION("nested reads borrow different readers") {
    store.read([&](Reader& outer) { store.read([&](Reader& inner) { CHECK(&inner != &outer); }); });
  }
  SECTION("readers are given back when fn throws") {
    Reader* first = store.read([](Reader& r) { return &r; });
    CHECK_THROWS(store.read([](Reader&) -> int { throw std::runtime_error("x"); }));
    CHECK(store.read([](Reader& r) { return &r; }) == first);
  }
  SECTION("concurrent reads") {
    std::vector<std::thread> threads;
    std::atomic<int> healthy{0};
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&] {
        for (int k = 0; k < 50; ++k) healthy += store.read([](Reader& r) { return r.healthy(); });
      });
    }
    for (auto& t : threads) t.join();
    CHECK(healthy == 400);
  }
}

TEST_CASE("the data directory and the database are the owner's alone") {
  test::TempDir tmp;
  auto data_dir = tmp.dir() / "data";
  auto db = data_dir / "praxis.db";

  SECTION("when Store creates them") {
    Store store(data_dir, schema());
    REQUIRE(store.writer().run_sync([](Txn& t) { t.streams().create("test", kT0); }));
    CHECK(mode_of(data_dir) == 0700u);
    CHECK(mode_of(db) == 0600u);
    // SQLite gives the WAL the database's mode.
    REQUIRE(fs::exists(db.string() + "-wal"));
    CHECK(mode_of(db.string() + "-wal") == 0600u);
  }
  SECTION("when they were made readable to others before") {
    fs::create_directories(data_dir);
    migrate(db.string(), schema());
    fs::permissions(data_dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                            fs::perms::others_read);
    REQUIRE(mode_of(data_dir) == 0755u);
    Store store(data_dir, schema());
    CHECK(mode_of(data_dir) == 0700u);
    CHECK(mode_of(db) == 0600u);
  }
}

TEST_CASE("Store throws Error when it cannot make its directory") {
  test::TempDir tmp;
  std::ofstream(tmp.file("plain")) << "not a directory";
  CHECK_THROWS_AS(Store(tmp.dir() / "plain" / "data", schema()), Error);
}

}  // namespace
}  // namespace praxis::storage
