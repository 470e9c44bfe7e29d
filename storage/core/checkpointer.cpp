#include "storage/core/checkpointer.hpp"

#include <sqlite3.h>

#include "storage/core/connection.hpp"

namespace praxis::storage::detail {

Checkpointer::Checkpointer(const std::string& path, FailureObserver failed)
    : db_(open_connection(path, Access::kCheckpoint)), failed_(std::move(failed)) {
  thread_ = std::thread([this] { run(); });
}

Checkpointer::~Checkpointer() { stop(); }

void Checkpointer::wal_grew(int pages) {
  if (pages < kCheckpointPages) return;
  {
    std::lock_guard lock(mu_);
    wanted_ = true;
  }
  cv_.notify_one();
}

void Checkpointer::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::int64_t Checkpointer::checkpoints() const {
  std::lock_guard lock(mu_);
  return done_;
}

void Checkpointer::run() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || wanted_; });
      if (stopping_) return;
      wanted_ = false;
    }
    const int rc = sqlite3_wal_checkpoint_v2(db_->getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                             nullptr, nullptr);
    if (rc == SQLITE_OK) {
      std::lock_guard lock(mu_);
      ++done_;
    } else if (failed_ && rc != SQLITE_BUSY) {
      try {
        failed_(std::string("checkpoint: ") + sqlite3_errstr(rc));
      } catch (...) {
        // Reporting must not stop the checkpointer.
      }
    }
  }
}

}  // namespace praxis::storage::detail
