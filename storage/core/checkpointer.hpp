// WAL checkpoints off the commit path. SQLite's automatic checkpoint runs in
// the COMMIT that takes the WAL past 1,000 pages, on the writer thread: a tenth
// of the writer's time in the insert benchmark, and the slowest commits. The
// writer instead calls wal_grew() after each commit; past kCheckpointPages this
// thread runs a PASSIVE checkpoint on its own connection, which copies pages
// while the writer goes on committing (readers only hold it back). Should the
// WAL still reach kInlineCheckpointPages (the thread cannot keep up), the
// writer checkpoints inline as SQLite would, so the file stays bounded.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

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

  // After a commit that left `pages` frames in the WAL (any thread).
  void wal_grew(int pages);
  void stop();
  std::int64_t checkpoints() const;  // completed by this thread

 private:
  void run();

  std::unique_ptr<SQLite::Database> db_;
  FailureObserver failed_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::int64_t done_ = 0;
  std::thread thread_;
};

}  // namespace praxis::storage::detail
