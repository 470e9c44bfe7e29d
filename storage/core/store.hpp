// The storage facade the server uses: one Writer (group commit) and a fixed
// pool of Readers, all on the database file at `<data_dir>/praxis.db`.
//
// The pool is opened at start and never grows: a process that runs out of
// file descriptors later still has its readers. read() waits for a free one
// (size the pool to the threads that read, and it never waits).
//
// Thread-safe: writer() and read() may be used from any thread while the Store
// lives. The destructor stops the writer (draining its queue); no read() may
// run then. The constructor throws Error (directory, migration or open failure).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "storage/core/migrate.hpp"
#include "storage/core/reader.hpp"
#include "storage/core/writer.hpp"

namespace praxis::storage {

struct StoreOptions {
  std::size_t readers = 4;
  Writer::CommitObserver on_commit;
  Writer::FailureObserver on_failure;
  Writer::DoneScope done_scope;
};

class Store {
 public:
  // Creates data_dir (mode 0700) if needed, migrates the database (mode 0600)
  // with `schema`, opens the readers and starts the writer.
  Store(const std::filesystem::path& data_dir, std::span<const Migration> schema,
        StoreOptions options = {});
  ~Store();

  Writer& writer() { return writer_; }
  const std::string& path() const { return path_; }
  std::size_t readers() const { return all_.size(); }

  // Borrows a Reader for the duration of fn (waits if all are in use).
  template <class Fn>
  auto read(Fn&& fn) {
    Reader* r = acquire();
    struct Back {
      Store* s;
      Reader* r;
      ~Back() { s->release(r); }
    } back{this, r};
    return fn(*r);
  }

 private:
  Reader* acquire();
  void release(Reader* r);

  std::string path_;
  std::vector<std::unique_ptr<Reader>> all_;
  Writer writer_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<Reader*> free_;
};

}  // namespace praxis::storage
