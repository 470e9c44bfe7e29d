// praxis_storage_bench: scenario 4, storage alone (no network).
//
//   praxis_storage_bench --data-dir D --rooms R --room-size K --mode insert --count N
//     Group commit: N post_message jobs through storage::Writer (the server's
//     own writer, WAL, synchronous=FULL, event bodies encoded as the server
//     encodes them), at most --inflight jobs queued at a time, posts spread
//     over the rooms. Prints inserts/s and commits.
//   praxis_storage_bench --data-dir D --rooms R --room-size K --mode read --count Q
//     Q history pages (rooms::Queries::messages_before, 50 messages, `before`
//     random in the room) and Q unread counts (rooms::Queries::unread for a
//     random member) on a seeded database; prints p50/p95/p99/max in ms.
//
// Rooms and members follow bench/seed.cpp: room r has users (r-1)*K+1 .. r*K.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "server/rooms/wire.hpp"
#include "storage/core/store.hpp"
#include "storage/migrations/ledger.hpp"
#include "storage/rooms/queries.hpp"
#include "storage/rooms/writes.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace st = praxis::storage;

double pct(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int run_insert(const std::string& dir, std::int64_t rooms, std::int64_t size, std::int64_t count,
               std::int64_t inflight) {
  std::atomic<std::int64_t> commits{0}, jobs_in_commits{0};
  st::StoreOptions options;
  options.readers = 1;
  options.on_commit = [&](double, std::size_t jobs) {
    ++commits;
    jobs_in_commits += static_cast<std::int64_t>(jobs);
  };
  st::Store store(dir, st::schema(), std::move(options));
  std::mutex mu;
  std::condition_variable cv;
  std::int64_t outstanding = 0, ok = 0, failed = 0;
  const auto t0 = Clock::now();
  for (std::int64_t i = 0; i < count; ++i) {
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return outstanding < inflight; });
      ++outstanding;
    }
    st::rooms::NewMessage m;
    m.room_id = i % rooms + 1;
    m.author = (m.room_id - 1) * size + 1 + (i / rooms) % size;
    m.text = "bench insert " + std::to_string(i) + " lorem ipsum dolor sit amet, consectetur";
    m.lang = "en";
    m.at = now_ms();
    store.writer().submit(
        [m](st::Txn& tx) {
          (void)st::rooms::Writes(tx, praxis::server::rooms::bodies()).post_message(m);
        },
        [&](st::Outcome& o) {
          std::lock_guard lock(mu);
          --outstanding;
          (o.committed ? ok : failed)++;
          cv.notify_one();
        });
  }
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return outstanding == 0; });
  }
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf(
      "scenario=storage_insert mode=praxis inserts=%lld failed=%lld seconds=%.2f "
      "inserts_per_s=%.0f "
      "commits=%lld jobs_per_commit=%.1f\n",
      static_cast<long long>(ok), static_cast<long long>(failed), s, static_cast<double>(ok) / s,
      static_cast<long long>(commits.load()),
      commits ? static_cast<double>(jobs_in_commits) / static_cast<double>(commits) : 0.0);
  return failed == 0 ? 0 : 1;
}

int run_read(const std::string& dir, std::int64_t rooms, std::int64_t size, std::int64_t count) {
  st::Reader reader(dir + "/praxis.db");
  st::rooms::Queries q(reader);
  std::vector<st::Seq> last(static_cast<std::size_t>(rooms) + 1, 0);
  for (std::int64_t r = 1; r <= rooms; ++r) last[static_cast<std::size_t>(r)] = q.room(r)->last_seq;
  std::mt19937_64 rng(42);
  std::vector<double> hist, unread;
  std::int64_t rows = 0, unread_sum = 0;
  for (std::int64_t i = 0; i < count; ++i) {
    const st::Id room = static_cast<st::Id>(rng() % static_cast<std::uint64_t>(rooms)) + 1;
    const st::Seq n = last[static_cast<std::size_t>(room)];
    const st::Seq before =
        i % 4 == 0 ? 0
                   : 51 + static_cast<st::Seq>(
                              rng() % static_cast<std::uint64_t>(std::max<st::Seq>(1, n - 50)));
    auto t = Clock::now();
    auto page = q.messages_before(room, before, 50);
    hist.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    rows += static_cast<std::int64_t>(page.items.size());
    const st::Id user =
        (room - 1) * size + 1 + static_cast<st::Id>(rng() % static_cast<std::uint64_t>(size));
    t = Clock::now();
    const auto u = q.unread(room, user);
    unread.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    unread_sum += u.unread;
  }
  const double avg_rows = static_cast<double>(rows) / static_cast<double>(count);
  const double avg_unread = static_cast<double>(unread_sum) / static_cast<double>(count);
  std::printf(
      "scenario=storage_history mode=praxis queries=%lld page_rows_avg=%.1f p50_ms=%.3f "
      "p95_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
      static_cast<long long>(count), avg_rows, pct(hist, 0.5), pct(hist, 0.95), pct(hist, 0.99),
      pct(hist, 1.0));
  std::printf(
      "scenario=storage_unread mode=praxis queries=%lld unread_avg=%.1f p50_ms=%.3f p95_ms=%.3f "
      "p99_ms=%.3f max_ms=%.3f\n",
      static_cast<long long>(count), avg_unread, pct(unread, 0.5), pct(unread, 0.95),
      pct(unread, 0.99), pct(unread, 1.0));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, mode;
  std::int64_t rooms = 1, size = 1, count = 100000, inflight = 20000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const std::string v = argv[i + 1];
    if (k == "--data-dir")
      dir = v;
    else if (k == "--mode")
      mode = v;
    else if (k == "--rooms")
      rooms = std::stoll(v);
    else if (k == "--room-size")
      size = std::stoll(v);
    else if (k == "--count")
      count = std::stoll(v);
    else if (k == "--inflight")
      inflight = std::stoll(v);
    else {
      std::cerr << "praxis_storage_bench: unknown option " << k << "\n";
      return 2;
    }
  }
  try {
    if (mode == "insert") return run_insert(dir, rooms, size, count, inflight);
    if (mode == "read") return run_read(dir, rooms, size, count);
  } catch (const std::exception& e) {
    std::cerr << "praxis_storage_bench: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: praxis_storage_bench --data-dir D --rooms R --room-size K --mode "
               "insert|read [--count N] [--inflight N]\n";
  return 2;
}
