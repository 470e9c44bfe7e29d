// Store's fixed reader pool: exactly `readers` readers; read() waits for a
// free one instead of opening another.
#include "storage/core/store.hpp"
// (the header under test first: it compiles on its own)
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <set>
#include <thread>

#include "../storage_fixture.hpp"

namespace praxis::storage {
namespace {

// Only to show that a read has NOT happened yet; never to order anything (the
// order is proven by what the waiting read sees once it runs).
constexpr auto kStillWaiting = std::chrono::milliseconds(100);

// Holds a reader of `store` on another thread until release().
class Holder {
 public:
  explicit Holder(Store& store)
      : thread_([this, &store] {
          store.read([this](Reader& r) {
            held_.set_value(&r);
            release_future_.wait();
            released_ = true;  // before the reader goes back to the pool
          });
        }) {}
  ~Holder() {
    if (!releasing_) release();
    thread_.join();
  }
  Reader* held() { return held_future_.get(); }
  void release() {
    releasing_ = true;
    release_.set_value();
  }
  bool released() const { return released_; }

 private:
  std::promise<Reader*> held_;
  std::future<Reader*> held_future_ = held_.get_future();
  std::promise<void> release_;
  std::shared_future<void> release_future_ = release_.get_future().share();
  std::atomic<bool> released_{false};
  bool releasing_ = false;
  std::thread thread_;  // last: starts when the rest is ready
};

TEST_CASE("the pool has exactly `readers` readers") {
  test::TempDir tmp;
  Store store(tmp.dir() / "data", schema(), StoreOptions{3, {}, {}, {}});
  CHECK(store.readers() == 3);
  std::set<Reader*> seen;
  store.read([&](Reader& a) {
    store.read([&](Reader& b) { store.read([&](Reader& c) { seen = {&a, &b, &c}; }); });
  });
  CHECK(seen.size() == 3);
  for (int i = 0; i < 20; ++i) {  // the same three, whichever is free
    CHECK(seen.count(store.read([](Reader& r) { return &r; })) == 1);
  }
}

TEST_CASE("with every reader in use, read() waits for one to come back") {
  test::TempDir tmp;
  Store store(tmp.dir() / "data", schema(), StoreOptions{1, {}, {}, {}});
  REQUIRE(store.readers() == 1);
  Holder first(store);
  Reader* held = first.held();

  auto second = std::async(std::launch::async, [&] {
    return store.read([&](Reader& r) { return std::pair{&r, first.released()}; });
  });
  CHECK(second.wait_for(kStillWaiting) == std::future_status::timeout);
  first.release();
  auto [reader, after_release] = second.get();
  CHECK(reader == held);  // the same reader: none was opened for it
  CHECK(after_release);   // and only once the first had finished with it
  CHECK(store.readers() == 1);
}

}  // namespace
}  // namespace praxis::storage
