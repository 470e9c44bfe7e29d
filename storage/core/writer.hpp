// The single writer thread with group commit. Every write of the process goes
// through here: submit() queues a job; the thread takes everything queued while
// the previous commit ran, runs the jobs in one BEGIN IMMEDIATE transaction,
// commits once, then calls each job's `done` in submission order. A job that
// throws loses its own writes only: the batch is then rolled back and run again
// with each job in its own savepoint. So a job may run twice: it must not
// consume its captures (move from them) or act outside the transaction. `done` therefore runs after
// the data is durable (WAL, synchronous=FULL) and on the writer thread: keep it short (post
// elsewhere).
//
// What a committed job appended to stream logs comes back in its Outcome, in
// append order, for the server to publish.
//
// submit() is thread-safe. stop() drains everything queued, then joins.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/core/streams.hpp"

namespace praxis::storage {

class Txn;

struct Outcome {
  bool committed = false;  // false: the job threw or the commit failed; nothing is stored
  std::vector<Append> appends;
};

class Writer {
 public:
  using Job = std::function<void(Txn&)>;
  using Done = std::function<void(Outcome&)>;
  // Called on the writer thread after each commit (also a failed one), before
  // the batch's `done` callbacks, with its duration in seconds and the batch size.
  using CommitObserver = std::function<void(double seconds, std::size_t jobs)>;
  // Called with the reason whenever a job or a whole commit fails (on the
  // writer thread, before the affected `done` callbacks), or a WAL checkpoint
  // does ("checkpoint: ...", on the checkpointer's thread too, at most once a
  // minute): the operator's only trace of a failed write, so the caller logs
  // it. Must be thread-safe.
  using FailureObserver = std::function<void(const std::string& what)>;
  // Wraps each batch's `done` callbacks on the writer thread: must call
  // run_done exactly once (the server gathers a batch's fan-out around it).
  using DoneScope = std::function<void(const std::function<void()>& run_done)>;

  Writer(const std::string& path, CommitObserver observer = {}, FailureObserver failed = {},
         DoneScope done_scope = {});
  ~Writer();  // stop()
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void submit(Job job, Done done);
  // Runs `job` and blocks until committed; returns the commit result. For
  // start-up and tests; never call from the writer thread. It returns from
  // its own `done`: what a DoneScope does after the batch's callbacks may
  // still be under way (a second run_sync waits for that too).
  bool run_sync(Job job);
  void stop();
  std::size_t queue_depth() const;
  // WAL checkpoints completed so far (storage/core/checkpointer.hpp).
  std::int64_t checkpoints() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace praxis::storage
