#include "server/core/hub.hpp"

#include <algorithm>
#include <functional>

namespace praxis::server {

namespace {

template <class Map>
std::vector<ConnectionPtr> locked(const Map& m) {
  std::vector<ConnectionPtr> out;
  out.reserve(m.size());
  for (const auto& [raw, weak] : m) {
    if (auto c = weak.lock()) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

void Hub::add(const ConnectionPtr& c) {
  std::lock_guard lock(mu_);
  connections_[c.get()] = c;
  by_user_[c->user_id()][c.get()] = c;
}

bool Hub::contains(Connection* c) {
  std::lock_guard lock(mu_);
  return connections_.count(c) != 0;
}

std::vector<PresenceChange> Hub::remove(Connection* c) {
  std::vector<PresenceChange> gone;
  std::lock_guard lock(mu_);
  if (connections_.erase(c) == 0) return gone;
  if (auto u = by_user_.find(c->user_id()); u != by_user_.end()) {
    u->second.erase(c);
    if (u->second.empty()) by_user_.erase(u);
  }
  auto it = streams_of_.find(c);
  if (it == streams_of_.end()) return gone;
  for (Id stream : it->second) {
    std::string kind;
    if (drop(stream, c, &kind)) gone.push_back({stream, std::move(kind)});
  }
  streams_of_.erase(it);
  return gone;
}

bool Hub::subscribe(Id stream, const std::string& kind, const ConnectionPtr& c, bool present) {
  std::lock_guard lock(mu_);
  if (!connections_.count(c.get())) return false;
  auto& s = streams_[stream];
  if (s.kind.empty()) s.kind = kind;
  auto [it, fresh] =
      s.subscribers.emplace(c.get(), std::pair{std::weak_ptr<Connection>(c), present});
  if (fresh) {
    streams_of_[c.get()].push_back(stream);
    s.snapshot.reset();
  } else if (present && !it->second.second) {
    it->second.second = true;  // looking in on demand, now a member: present
  } else {
    return false;
  }
  return present && ++s.present[c->user_id()] == 1;
}

bool Hub::subscribed(Id stream, Connection* c) {
  std::lock_guard lock(mu_);
  auto it = streams_.find(stream);
  return it != streams_.end() && it->second.subscribers.count(c) != 0;
}

bool Hub::unsubscribe(Id stream, Connection* c, std::string* kind) {
  std::lock_guard lock(mu_);
  auto it = streams_of_.find(c);
  if (it == streams_of_.end()) return false;
  auto& mine = it->second;
  auto pos = std::find(mine.begin(), mine.end(), stream);
  if (pos == mine.end()) return false;
  mine.erase(pos);
  return drop(stream, c, kind);
}

bool Hub::drop(Id stream, Connection* c, std::string* kind) {
  auto it = streams_.find(stream);
  if (it == streams_.end()) return false;
  if (kind) *kind = it->second.kind;
  auto sub = it->second.subscribers.find(c);
  if (sub == it->second.subscribers.end()) return false;
  const bool was_present = sub->second.second;
  it->second.subscribers.erase(sub);
  it->second.snapshot.reset();
  bool gone = false;
  if (was_present) {
    auto& present = it->second.present;
    gone = --present[c->user_id()] == 0;
    if (gone) present.erase(c->user_id());
  }
  if (it->second.subscribers.empty()) streams_.erase(it);
  return gone;
}

Hub::Subscribers Hub::stream_connections(Id stream) {
  static const Subscribers kNone = std::make_shared<const std::vector<ConnectionPtr>>();
  std::lock_guard lock(mu_);
  auto it = streams_.find(stream);
  if (it == streams_.end()) return kNone;
  auto& s = it->second;
  if (!s.snapshot) {
    std::vector<ConnectionPtr> list;
    list.reserve(s.subscribers.size());
    for (const auto& [raw, sub] : s.subscribers) {
      if (auto c = sub.first.lock()) list.push_back(std::move(c));
    }
    std::sort(list.begin(), list.end(), [](const ConnectionPtr& a, const ConnectionPtr& b) {
      return std::less<>()(a.get(), b.get());
    });
    s.snapshot = std::make_shared<const std::vector<ConnectionPtr>>(std::move(list));
  }
  return s.snapshot;
}

std::vector<ConnectionPtr> Hub::user_connections(Id user) {
  std::lock_guard lock(mu_);
  auto it = by_user_.find(user);
  if (it == by_user_.end()) return {};
  return locked(it->second);
}

std::vector<ConnectionPtr> Hub::all_connections() {
  std::lock_guard lock(mu_);
  return locked(connections_);
}

std::vector<Id> Hub::present_users(Id stream) {
  std::vector<Id> out;
  {
    std::lock_guard lock(mu_);
    auto it = streams_.find(stream);
    if (it == streams_.end()) return out;
    for (const auto& [user, n] : it->second.present) out.push_back(user);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t Hub::size() {
  std::lock_guard lock(mu_);
  return connections_.size();
}

}  // namespace praxis::server
