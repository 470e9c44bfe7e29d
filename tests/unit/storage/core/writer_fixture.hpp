// A migrated database with one stream and a Writer on it that counts its
// commits and keeps the reasons of its failures; and a Gate that holds the
// writer thread so that jobs submitted meanwhile form one batch.
#pragma once

#include <atomic>
#include <catch2/catch.hpp>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "../storage_fixture.hpp"
#include "storage/core/txn.hpp"
#include "storage/core/writer.hpp"

namespace praxis::storage::test {

struct WriterDb : TempDir {
  std::string path = file("w.db");
  Id stream = 0;
  std::unique_ptr<Writer> writer;
  std::atomic<std::size_t> commits{0};
  std::atomic<std::size_t> committed_jobs{0};
  std::mutex failures_mu;
  std::vector<std::string> failures;

  WriterDb() {
    migrate(path, schema());
    // Both run on the writer thread, before the batch's done callbacks.
    writer = std::make_unique<Writer>(
        path,
        [this](double, std::size_t jobs) {
          ++commits;
          committed_jobs += jobs;
        },
        [this](const std::string& what) {
          std::lock_guard lock(failures_mu);
          failures.push_back(what);
        });
    REQUIRE(writer->run_sync([this](Txn& t) { stream = t.streams().create("test", kT0); }));
  }

  // Appends `body` to the stream.
  Writer::Job append(std::string body) {
    return [this, body](Txn& t) { t.streams().append(stream, "note", Id{1}, kT0, body); };
  }

  std::vector<std::string> failed() {
    std::lock_guard lock(failures_mu);
    return failures;
  }
};

// hold() blocks the writer thread inside a job until release().
class Gate {
 public:
  void hold(Writer& w) {
    w.submit(
        [this](Txn&) {
          holding_.set_value();
          opened_.wait();
        },
        {});
    holding_.get_future().wait();
  }
  void release() { open_.set_value(); }

 private:
  std::promise<void> open_;
  std::shared_future<void> opened_ = open_.get_future().share();
  std::promise<void> holding_;
};

// Keeps every Outcome, in the order the done callbacks ran.
struct Outcomes {
  std::mutex mu;
  std::vector<Outcome> seen;
  Writer::Done done() {
    return [this](Outcome& o) {
      std::lock_guard lock(mu);
      seen.push_back(o);
    };
  }
};

}  // namespace praxis::storage::test
