#include "storage/core/writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/core/checkpointer.hpp"
#include "storage/core/connection.hpp"
#include "storage/core/txn.hpp"

namespace praxis::storage {

namespace {

constexpr char kSavepoint[] = "SAVEPOINT job";
constexpr char kRollbackTo[] = "ROLLBACK TO job";
constexpr char kRelease[] = "RELEASE job";

struct Queued {
  Writer::Job job;
  Writer::Done done;
};

// NOTE: tryReset, not reset: reset() throws the error of the statement's last
// failed run (say, a ROLLBACK TO after SQLite had rolled the whole transaction
// back), which would fail the next, healthy batch too.
void exec(SQLite::Statement& s) {
  s.tryReset();
  s.exec();
}

}  // namespace

struct Writer::Impl {
  Impl(const std::string& path, CommitObserver obs, FailureObserver failed, DoneScope scope)
      : db(detail::open_connection(path, detail::Access::kWrite)),
        txn(detail::translate("writer", [&] { return std::make_unique<Txn>(*db); })),
        savepoint(*db, kSavepoint),
        rollback_to(*db, kRollbackTo),
        release(*db, kRelease),
        observer(std::move(obs)),
        on_failure(std::move(failed)),
        done_scope(std::move(scope)),
        checkpointer(path, [this](const std::string& what) {
          if (on_failure) on_failure(what);
        }) {
    // Replaces SQLite's automatic checkpoint in COMMIT (storage/core/checkpointer.hpp).
    sqlite3_wal_hook(db->getHandle(), &Impl::wal_hook, this);
  }

  static int wal_hook(void* self, sqlite3* db, const char*, int pages) {
    static_cast<Impl*>(self)->checkpointer.wal_grew(db, pages);
    return SQLITE_OK;
  }

  void run();
  // Runs one batch in one transaction; returns each job's outcome.
  std::vector<Outcome> commit(std::vector<Queued>& batch);
  enum class Attempt { kCommitted, kJobThrew, kFailed };
  Attempt attempt(std::vector<Queued>& batch, std::vector<Outcome>& out, bool isolate);
  bool run_bare(Queued& q, Outcome& out);
  Outcome run_isolated(Queued& q);
  void failed(const char* where, std::exception_ptr e) noexcept;

  std::unique_ptr<SQLite::Database> db;
  std::unique_ptr<Txn> txn;
  // Prepared once: a job's savepoint is two statements per job, and
  // re-parsing them was a sixth of the cost of a small post.
  SQLite::Statement savepoint, rollback_to, release;
  CommitObserver observer;
  FailureObserver on_failure;
  DoneScope done_scope;
  detail::Checkpointer checkpointer;

  mutable std::mutex mu;
  std::condition_variable cv;
  std::vector<Queued> queue;
  bool stopping = false;
  std::thread thread;
};

void Writer::Impl::run() {
  std::vector<Queued> batch;
  for (;;) {
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return stopping || !queue.empty(); });
      if (queue.empty()) return;  // stopping and drained
      batch.swap(queue);
    }
    auto start = std::chrono::steady_clock::now();
    std::vector<Outcome> outcomes = commit(batch);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    try {
      if (observer) observer(took.count(), batch.size());
    } catch (...) {
      // Metrics must not stop the writer either.
    }
    auto run_done = [&] {
      for (std::size_t i = 0; i < batch.size(); ++i) {
        try {
          if (batch[i].done) batch[i].done(outcomes[i]);
        } catch (...) {
          // A callback's failure must not stop the writer; it is reported.
          failed("done", std::current_exception());
        }
      }
    };
    if (!done_scope) {
      run_done();
    } else {
      try {
        done_scope(run_done);
      } catch (...) {
        failed("done", std::current_exception());
      }
    }
    batch.clear();
  }
}

// First every job runs bare; if one throws, the transaction is rolled back and
// the batch runs again with each job in its own savepoint, so that only the
// thrower loses its writes. A savepoint per job copies every page a job touches
// into the sub-journal: a fifth of the cost of a post, paid for the rare batch
// with a failure instead of for every one.
std::vector<Outcome> Writer::Impl::commit(std::vector<Queued>& batch) {
  std::vector<Outcome> out;
  if (attempt(batch, out, false) == Attempt::kJobThrew) attempt(batch, out, true);
  return out;
}

Writer::Impl::Attempt Writer::Impl::attempt(std::vector<Queued>& batch, std::vector<Outcome>& out,
                                            bool isolate) {
  out.assign(batch.size(), Outcome{});
  try {
    SQLite::Transaction t(*db, SQLite::TransactionBehavior::IMMEDIATE);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (isolate) {
        out[i] = run_isolated(batch[i]);
      } else if (!run_bare(batch[i], out[i])) {
        txn->discard_appends();
        return Attempt::kJobThrew;  // ~Transaction rolls back; out is reset next time
      }
    }
    txn->settle();
    t.commit();
  } catch (...) {
    // BEGIN, COMMIT or a rollback failed: nothing of the batch is stored.
    failed("commit", std::current_exception());
    txn->discard_appends();
    out.assign(batch.size(), Outcome{});
    return Attempt::kFailed;
  }
  return Attempt::kCommitted;
}

bool Writer::Impl::run_bare(Queued& q, Outcome& out) {
  try {
    q.job(*txn);
  } catch (...) {
    return false;  // reported when the isolated run throws again
  }
  out = {true, txn->take_appends()};
  return true;
}

// A job that throws is rolled back to its savepoint, its appends with it; the
// others stay.
Outcome Writer::Impl::run_isolated(Queued& q) {
  txn->settle();
  exec(savepoint);
  try {
    q.job(*txn);
  } catch (...) {
    failed("job", std::current_exception());
    txn->discard_appends();
    exec(rollback_to);  // if this throws, the whole batch fails
    exec(release);
    return {};
  }
  exec(release);
  return {true, txn->take_appends()};
}

void Writer::Impl::failed(const char* where, std::exception_ptr e) noexcept {
  if (!on_failure) return;
  std::string what = std::string(where) + ": ";
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    what += ex.what();
  } catch (...) {
    what += "unknown exception";
  }
  try {
    on_failure(what);
  } catch (...) {
    // Reporting must not stop the writer either.
  }
}

Writer::Writer(const std::string& path, CommitObserver observer, FailureObserver failed,
               DoneScope done_scope)
    : impl_(std::make_unique<Impl>(path, std::move(observer), std::move(failed),
                                   std::move(done_scope))) {
  impl_->thread = std::thread([this] { impl_->run(); });
}

Writer::~Writer() { stop(); }

void Writer::submit(Job job, Done done) {
  {
    std::lock_guard lock(impl_->mu);
    if (!impl_->stopping) {
      impl_->queue.push_back({std::move(job), std::move(done)});
      impl_->cv.notify_one();
      return;
    }
  }
  if (done) {  // stopped: nothing runs any more
    Outcome none;
    done(none);
  }
}

bool Writer::run_sync(Job job) {
  std::promise<bool> result;
  auto future = result.get_future();
  submit(std::move(job), [&result](Outcome& o) { result.set_value(o.committed); });
  return future.get();
}

void Writer::stop() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
  }
  impl_->cv.notify_all();
  if (impl_->thread.joinable() && impl_->thread.get_id() != std::this_thread::get_id()) {
    impl_->thread.join();
    impl_->checkpointer.stop();
  }
}

std::int64_t Writer::checkpoints() const { return impl_->checkpointer.checkpoints(); }

std::size_t Writer::queue_depth() const {
  std::lock_guard lock(impl_->mu);
  return impl_->queue.size();
}

}  // namespace praxis::storage
