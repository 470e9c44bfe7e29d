// A read-only connection of its own (WAL lets it read while the writer
// commits). The core reads the stream log here; each feature's queries
// (storage/<feature>/queries.hpp) take a Reader and use its statement cache.
// A Reader is not thread-safe: use one per thread at a time, e.g. borrowed
// from the pool in store.hpp. Nothing throws for "not found" (empty optional
// or vector instead); SQLite errors are thrown as storage::Error.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/streams.hpp"

namespace praxis::storage {

class Reader {
 public:
  explicit Reader(const std::string& path);  // the file must exist (migrated)
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  bool healthy();  // SELECT 1 works; never throws

  // Events of `stream` with seq > after, ascending, at most `limit`.
  std::vector<StoredEvent> events_after(Id stream, Seq after, std::int64_t limit);
  std::optional<StreamHead> stream(Id stream);

  // For feature queries: the connection's statements, and fn run in one read
  // transaction so that its queries see one snapshot.
  detail::StatementCache& statements();
  template <class Fn>
  auto snapshot(Fn&& fn) -> decltype(fn()) {
    begin();
    try {
      auto result = fn();
      end();
      return result;
    } catch (...) {
      abandon();
      throw;
    }
  }

 private:
  void begin();
  void end();
  void abandon() noexcept;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace praxis::storage
