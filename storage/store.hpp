// The storage facade the server uses: one Writer (group commit) and a pool of
// Readers, both on the database file at `<data_dir>/praxis.db`.
//
// Thread-safe: writer() and read() may be used from any thread while the Store
// lives. The destructor stops the writer (draining its queue); no read() may
// run then. Constructor throws Error (directory, migration or open failure).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/reader.hpp"
#include "storage/writer.hpp"

namespace praxis::storage {

class Store {
 public:
  // Creates data_dir if needed, migrates, starts the writer.
  Store(const std::filesystem::path& data_dir, Writer::CommitObserver observer = {},
        Writer::FailureObserver failed = {});
  ~Store();

  Writer& writer() { return writer_; }
  const std::string& path() const { return path_; }

  // Borrows a Reader for the duration of fn; thread-safe (readers are pooled,
  // one is created when none is free).
  template <class Fn>
  auto read(Fn&& fn) {
    auto r = acquire();
    struct Back {
      Store* s;
      std::unique_ptr<Reader>* r;
      ~Back() { s->release(std::move(*r)); }
    } back{this, &r};
    return fn(*r);
  }

 private:
  std::unique_ptr<Reader> acquire();
  void release(std::unique_ptr<Reader> r);

  std::string path_;
  Writer writer_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Reader>> free_;
};

}  // namespace praxis::storage
