// What a write job sees (storage/core/writer.hpp): the writer's connection
// inside the group commit's transaction, its statement cache, and the stream
// log. Each feature wraps it in its own facade (storage/<feature>/writes.hpp),
// so no single class holds every domain write.
//
// A facade call that returns a Status other than kOk/kDuplicate leaves nothing
// behind: it runs in guarded() (a savepoint of its own), or, like a post, it
// refuses before its first write (refuses_first(), no savepoint: in a group
// commit of thousands of jobs a savepoint costs more than the insert). A call
// that throws may leave part of its writes: let the exception leave the job,
// and the Writer rolls the whole job back while the rest of the batch commits.
// Every call checks its own authorisation inside the transaction, so the check
// and the change cannot race. Not thread-safe: writer thread only.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "storage/core/connection.hpp"
#include "storage/core/statements.hpp"
#include "storage/core/streams.hpp"
#include "storage/core/types.hpp"

namespace praxis::storage {

class Txn {
 public:
  explicit Txn(SQLite::Database& db);
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;

  detail::StatementCache& statements() { return cache_; }
  StreamLog& streams() { return log_; }

  // Runs fn (returning Status, or a struct with a `status`) in a savepoint of
  // its own: a status other than kOk/kDuplicate, or an exception, rolls it
  // back, its appends included. SQLite exceptions leave as Error.
  template <class Fn>
  auto guarded(const char* what, Fn&& fn) -> decltype(fn()) {
    return detail::translate(what, [&] {
      const auto mark = appends_.size();
      savepoint_begin();
      try {
        auto result = fn();
        const bool keep = keeps(status_of(result));
        savepoint_end(keep);
        if (!keep) appends_.resize(mark);
        return result;
      } catch (...) {
        savepoint_abandon();
        appends_.resize(mark);
        throw;
      }
    });
  }

  // For a call that refuses only before its first write (see above).
  template <class Fn>
  auto refuses_first(const char* what, Fn&& fn) -> decltype(fn()) {
    return detail::translate(what, std::forward<Fn>(fn));
  }

  // Writer only: what the job appended (cleared), or nothing if it failed.
  std::vector<Append> take_appends() { return std::exchange(appends_, {}); }
  // Writer only: the job's (or the batch's) writes were rolled back.
  void discard_appends() {
    appends_.clear();
    log_.drop_heads();
  }
  // Writer only: before a savepoint of its own and before COMMIT (StreamLog::write_heads).
  void settle() { log_.write_heads(); }

 private:
  template <class R>
  static Status status_of(const R& r) {
    if constexpr (std::is_same_v<R, Status>) {
      return r;
    } else {
      return r.status;
    }
  }
  static bool keeps(Status s) { return s == Status::kOk || s == Status::kDuplicate; }
  void savepoint_begin();
  void savepoint_end(bool keep);
  void savepoint_abandon() noexcept;

  detail::StatementCache cache_;
  std::vector<Append> appends_;
  StreamLog log_;
};

}  // namespace praxis::storage
