#include "storage/core/checkpointer.hpp"

#include <sqlite3.h>

#include "storage/core/connection.hpp"

namespace praxis::storage::detail {

Checkpointer::Checkpointer(const std::string& path, FailureObserver failed)
    : db_(open_connection(path, Access::kCheckpoint)), failed_(std::move(failed)) {
  thread_ = std::thread([this] { run(); });
}

Checkpointer::~Checkpointer() { stop(); }

void Checkpointer::wal_grew(sqlite3* writer, int pages) {
  if (pages >= kInlineCheckpointPages) {
    checkpoint(writer, "checkpoint (inline)");
    return;
  }
  if (pages < kCheckpointPages) return;
  {
    std::lock_guard lock(mu_);
    wanted_ = true;
  }
  cv_.notify_one();
}

void Checkpointer::checkpoint(sqlite3* db, const char* who) {
  int rc = SQLITE_OK;
  {
    std::lock_guard lock(checkpoint_mu_);
    rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  if (rc == SQLITE_OK) {
    std::lock_guard lock(mu_);
    ++done_;
  } else if (rc != SQLITE_BUSY) {
    report(std::string(who) + ": " + sqlite3_errstr(rc));
  }
}

void Checkpointer::report(const std::string& what) {
  if (!failed_) return;
  {
    std::lock_guard lock(report_mu_);
    const auto now = std::chrono::steady_clock::now();
    if (last_report_ != std::chrono::steady_clock::time_point{} &&
        now - last_report_ < std::chrono::minutes(1)) {
      return;  // a lasting failure would otherwise be reported after every commit
    }
    last_report_ = now;
  }
  try {
    failed_(what);
  } catch (...) {
    // Reporting must not stop the checkpointer (or the writer).
  }
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
    checkpoint(db_->getHandle(), "checkpoint");
  }
}

}  // namespace praxis::storage::detail
