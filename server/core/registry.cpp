#include "server/core/registry.hpp"

#include "protocol/core/messages.hpp"

namespace praxis::server {

Registry::Registry() { protocol::add_core_messages(decoders_); }

void Registry::put(const std::string& type, Handler h) {
  if (!decoders_.contains(type)) {
    throw std::logic_error("handler for '" + type + "' without a decoder");
  }
  if (!handlers_.emplace(type, std::move(h)).second) {
    throw std::logic_error("message type '" + type + "' is handled twice");
  }
}

void Registry::route(std::string method, std::string pattern, HttpHandler handle, RouteOptions o) {
  for (const auto& r : routes_) {
    if (r.method == method && r.pattern == pattern) {
      throw std::logic_error("route " + method + " " + pattern + " is registered twice");
    }
  }
  routes_.push_back({std::move(method), std::move(pattern), std::move(handle), o});
}

void Registry::stream_kind(const std::string& kind, StreamPolicy policy) {
  if (!kinds_.emplace(kind, std::move(policy)).second) {
    throw std::logic_error("stream kind '" + kind + "' is registered twice");
  }
}

void Registry::authenticator(Authenticator a) {
  if (authenticator_) throw std::logic_error("a second authenticator");
  authenticator_ = std::move(a);
}

void Registry::advertise(const std::string& name, std::int64_t value) { advertised_[name] = value; }

const Registry::Handler* Registry::handler(const std::string& type) const {
  auto it = handlers_.find(type);
  return it == handlers_.end() ? nullptr : &it->second;
}

const StreamPolicy* Registry::policy(const std::string& kind) const {
  auto it = kinds_.find(kind);
  return it == kinds_.end() ? nullptr : &it->second;
}

}  // namespace praxis::server
