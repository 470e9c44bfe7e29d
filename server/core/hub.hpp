// Who is connected where: open connections by user, subscribers by stream,
// and who is present in each stream. Thread-safe: one mutex guards the maps;
// every list is copied out under the lock and used after releasing it. A
// stream's subscribers are kept as an immutable list too, made again after a
// change: fan-out takes it with one reference count, not one per subscriber.
//
// A subscription is "present" when it counts for presence (a member's
// standing subscription), or not (someone looking in on demand).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/core/connection.hpp"

namespace praxis::server {

// A user's presence in a stream (of `kind`) began or ended.
struct PresenceChange {
  Id stream = 0;
  std::string kind;
};

class Hub {
 public:
  void add(const ConnectionPtr& c);
  // Forgets c and all its subscriptions; returns the streams where its user
  // is no longer present (the caller announces it).
  std::vector<PresenceChange> remove(Connection* c);
  bool contains(Connection* c);

  // Adds c to the subscribers of `stream`, a stream of `kind` (no-op for a
  // connection not added, or one already subscribed). True when this made
  // its user present there.
  bool subscribe(Id stream, const std::string& kind, const ConnectionPtr& c, bool present);
  // True when this made its user no longer present there (*kind: the stream's).
  bool unsubscribe(Id stream, Connection* c, std::string* kind = nullptr);
  bool subscribed(Id stream, Connection* c);

  // Never null; ordered by address (std::less on Connection*).
  using Subscribers = std::shared_ptr<const std::vector<ConnectionPtr>>;
  Subscribers stream_connections(Id stream);
  std::vector<ConnectionPtr> user_connections(Id user);
  std::vector<ConnectionPtr> all_connections();
  std::vector<Id> present_users(Id stream);  // ascending
  std::size_t size();

 private:
  struct Stream {
    std::string kind;
    std::unordered_map<Connection*, std::pair<std::weak_ptr<Connection>, bool>> subscribers;
    std::unordered_map<Id, int> present;  // user -> present subscriptions
    Subscribers snapshot;                 // of `subscribers`; null after a change
  };
  bool drop(Id stream, Connection* c, std::string* kind);  // under mu_

  std::mutex mu_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;
  std::unordered_map<Id, std::unordered_map<Connection*, std::weak_ptr<Connection>>> by_user_;
  std::unordered_map<Connection*, std::vector<Id>> streams_of_;
  std::unordered_map<Id, Stream> streams_;
};

}  // namespace praxis::server
