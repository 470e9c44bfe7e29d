#include "storage/store.hpp"

namespace praxis::storage {

namespace {

// Creates data_dir, migrates the database in it and returns its path. Runs
// before the Writer opens the file (path_ is initialised before writer_).
std::string prepare(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) throw Error("cannot create " + data_dir.string() + ": " + ec.message());
  std::string path = (data_dir / "praxis.db").string();
  migrate(path);
  return path;
}

}  // namespace

Store::Store(const std::filesystem::path& data_dir, Writer::CommitObserver observer,
             Writer::FailureObserver failed)
    : path_(prepare(data_dir)), writer_(path_, std::move(observer), std::move(failed)) {}

Store::~Store() { writer_.stop(); }

std::unique_ptr<Reader> Store::acquire() {
  {
    std::lock_guard lock(mu_);
    if (!free_.empty()) {
      auto r = std::move(free_.back());
      free_.pop_back();
      return r;
    }
  }
  return std::make_unique<Reader>(path_);
}

void Store::release(std::unique_ptr<Reader> r) {
  if (!r) return;
  std::lock_guard lock(mu_);
  free_.push_back(std::move(r));
}

}  // namespace praxis::storage
