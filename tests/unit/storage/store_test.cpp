#include "storage/store.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <thread>
#include <vector>

#include "storage_fixture.hpp"

namespace praxis::storage {
namespace {

TEST_CASE("Store migrates, writes and pools readers") {
  test::TempDir tmp;
  auto data_dir = tmp.dir() / "data" / "nested";
  std::size_t jobs = 0;
  Store store(data_dir, [&](double, std::size_t n) { jobs += n; });
  CHECK(store.path() == (data_dir / "praxis.db").string());
  CHECK(schema_version(store.path()) == kSchemaVersion);

  REQUIRE(store.writer().run_sync([](WriteTxn& t) { t.set_setup_token("tok"); }));
  CHECK(jobs == 1);
  CHECK(store.read([](Reader& r) { return r.needs_setup(); }));

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
    for (int i = 0; i < 4; ++i) {
      threads.emplace_back([&] {
        for (int k = 0; k < 50; ++k) healthy += store.read([](Reader& r) { return r.healthy(); });
      });
    }
    for (auto& t : threads) t.join();
    CHECK(healthy == 200);
  }
}

}  // namespace
}  // namespace praxis::storage
