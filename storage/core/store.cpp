#include "storage/core/store.hpp"

#include <algorithm>

#include "storage/core/error.hpp"

namespace praxis::storage {

namespace {

namespace fs = std::filesystem;

// Creates data_dir, migrates the database in it and returns its path. Runs
// before the readers and the Writer open the file (path_ is initialised first).
// The folder is the owner's alone: the database holds password hashes and
// every private message (SQLite creates -wal and -shm with the file's mode).
std::string prepare(const fs::path& data_dir, std::span<const Migration> schema) {
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) throw Error("cannot create " + data_dir.string() + ": " + ec.message());
  fs::permissions(data_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) throw Error("cannot restrict " + data_dir.string() + ": " + ec.message());
  std::string path = (data_dir / "praxis.db").string();
  migrate(path, schema);
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace,
                  ec);
  if (ec) throw Error("cannot restrict " + path + ": " + ec.message());
  return path;
}

std::vector<std::unique_ptr<Reader>> open_readers(const std::string& path, std::size_t n) {
  std::vector<std::unique_ptr<Reader>> out;
  for (std::size_t i = 0; i < std::max<std::size_t>(n, 1); ++i) {
    out.push_back(std::make_unique<Reader>(path));
  }
  return out;
}

}  // namespace

Store::Store(const fs::path& data_dir, std::span<const Migration> schema, StoreOptions options)
    : path_(prepare(data_dir, schema)),
      all_(open_readers(path_, options.readers)),
      writer_(path_, std::move(options.on_commit), std::move(options.on_failure),
              std::move(options.done_scope)) {
  for (auto& r : all_) free_.push_back(r.get());
}

Store::~Store() { writer_.stop(); }

Reader* Store::acquire() {
  std::unique_lock lock(mu_);
  freed_.wait(lock, [this] { return !free_.empty(); });
  Reader* r = free_.back();
  free_.pop_back();
  return r;
}

void Store::release(Reader* r) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(r);
  }
  freed_.notify_one();
}

}  // namespace praxis::storage
