// WAL checkpoints off the commit path. SQLite's automatic checkpoint runs in
// the COMMIT that takes the WAL past 1,000 pages, on the writer thread: a tenth
// of the writer's time in the insert benchmark, and the slowest commits. The
// writer instead calls wal_grew() after each commit; past kCheckpointPages this
// thread runs a PASSIVE checkpoint on its own connection, which copies pages
// while the writer goes on committing (readers only hold it back). A WAL only
// starts over once a checkpoint caught up with it, which a checkpoint racing
// the commits rarely does; so past kInlineCheckpointPages the writer
// checkpoints inline, between two commits, as SQLite itself would, and the
// file stays bounded (unless a reader holds an old snapshot that long).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace SQLite {
class Database;
}

namespace praxis::storage::detail {

inline constexpr int kCheckpointPages = 1000;             // SQLite's own default
inline constexpr int kInlineCheckpointPages = 16 * 1000;  // ~64 MiB of WAL

class Checkpointer {
 public:
  using FailureObserver = std::function<void(const std::string& what)>;
  Checkpointer(const std::string& path, FailureObserver failed);
  ~Checkpointer();  // stop()
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // After a commit that left `pages` frames in the WAL (the writer's WAL hook).
  // Past kInlineCheckpointPages it checkpoints on the caller's thread, after
  // waiting out a checkpoint of this thread's: two at once, one would give up.
  void wal_grew(sqlite3* writer, int pages);
  void stop();
  std::int64_t checkpoints() const;  // completed, by this thread or inline

 private:
  void run();
  void checkpoint(sqlite3* db, const char* who);  // under checkpoint_mu_
  void report(const std::string& what);           // at most once a minute

  std::unique_ptr<SQLite::Database> db_;
  FailureObserver failed_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::int64_t done_ = 0;
  std::mutex checkpoint_mu_;  // one checkpoint at a time, this thread's or the writer's
  std::mutex report_mu_;
  std::chrono::steady_clock::time_point last_report_{};
  std::thread thread_;
};

}  // namespace praxis::storage::detail
