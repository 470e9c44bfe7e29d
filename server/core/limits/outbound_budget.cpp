#include "server/core/limits/outbound_budget.hpp"

namespace praxis::server {

std::atomic<std::int64_t>& outbound_memory() {
  static std::atomic<std::int64_t> bytes{0};
  return bytes;
}

}  // namespace praxis::server
