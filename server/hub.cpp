#include "server/hub.hpp"

#include <algorithm>

namespace praxis::server {

void Hub::add(const SessionPtr& s) {
  std::lock_guard lock(mu_);
  sessions_[s.get()] = s;
}

std::vector<storage::Id> Hub::remove(Session* s) {
  std::vector<storage::Id> offline;
  std::unordered_set<storage::Id> rooms;
  {
    std::lock_guard lock(mu_);
    sessions_.erase(s);
    auto it = rooms_of_.find(s);
    if (it == rooms_of_.end()) return offline;
    rooms = std::move(it->second);
    rooms_of_.erase(it);
  }
  for (auto room : rooms) {
    if (unsubscribe(room, s)) offline.push_back(room);
  }
  return offline;
}

bool Hub::subscribe(storage::Id room, const SessionPtr& s) {
  std::lock_guard lock(mu_);
  auto& entry = rooms_[room];
  if (!entry.sessions.emplace(s.get(), s).second) return false;
  rooms_of_[s.get()].insert(room);
  return ++entry.users[s->user_id()] == 1;
}

bool Hub::unsubscribe(storage::Id room, Session* s) {
  std::lock_guard lock(mu_);
  auto it = rooms_.find(room);
  if (it == rooms_.end() || it->second.sessions.erase(s) == 0) return false;
  if (auto r = rooms_of_.find(s); r != rooms_of_.end()) r->second.erase(room);
  auto& users = it->second.users;
  const bool offline = --users[s->user_id()] == 0;
  if (offline) users.erase(s->user_id());
  if (it->second.sessions.empty()) rooms_.erase(it);
  return offline;
}

std::vector<Hub::SessionPtr> Hub::room_sessions(storage::Id room) {
  std::vector<SessionPtr> out;
  std::lock_guard lock(mu_);
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return out;
  out.reserve(it->second.sessions.size());
  for (auto& [raw, weak] : it->second.sessions) {
    if (auto s = weak.lock()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<Hub::SessionPtr> Hub::user_sessions(storage::Id user) {
  std::vector<SessionPtr> out;
  std::lock_guard lock(mu_);
  for (auto& [raw, weak] : sessions_) {
    if (raw->user_id() != user) continue;
    if (auto s = weak.lock()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<Hub::SessionPtr> Hub::all_sessions() {
  std::vector<SessionPtr> out;
  std::lock_guard lock(mu_);
  for (auto& [raw, weak] : sessions_) {
    if (auto s = weak.lock()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<storage::Id> Hub::online_users(storage::Id room) {
  std::vector<storage::Id> out;
  {
    std::lock_guard lock(mu_);
    auto it = rooms_.find(room);
    if (it == rooms_.end()) return out;
    for (auto& [user, count] : it->second.users) out.push_back(user);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t Hub::size() {
  std::lock_guard lock(mu_);
  return sessions_.size();
}

bool Hub::try_open_address(const std::string& address, std::size_t max) {
  std::lock_guard lock(mu_);
  auto& n = per_address_[address];
  if (n >= max) return false;
  ++n;
  return true;
}

void Hub::close_address(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = per_address_.find(address);
  if (it == per_address_.end()) return;
  if (--it->second == 0) per_address_.erase(it);
}

bool Hub::allow_message(storage::Id user, const protocol::Limits& limits) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  auto [it, fresh] = buckets_.try_emplace(user);
  auto& b = it->second;
  if (fresh) {
    b.tokens = limits.messages_burst;
  } else {
    const double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(limits.messages_burst, b.tokens + elapsed * limits.messages_per_second);
  }
  b.last = now;
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

void Hub::for_room(storage::Id room, const Session* except,
                   const std::function<void(const SessionPtr&)>& fn) {
  for (const auto& s : room_sessions(room)) {
    if (s.get() != except) fn(s);
  }
}

}  // namespace praxis::server
