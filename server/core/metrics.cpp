#include "server/core/metrics.hpp"

#include <iomanip>
#include <sstream>

#include "server/core/limits/outbound_budget.hpp"

namespace praxis::server {

void Metrics::observe_commit(double seconds) {
  std::lock_guard lock(mu_);
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++counts_[i];
  }
  ++commit_count_;
  commit_sum_ += seconds;
}

std::string Metrics::render(std::size_t write_queue_depth) const {
  std::ostringstream out;
  auto series = [&out](const char* name, const char* type, const char* help, auto value) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n'
        << name << ' ' << value << '\n';
  };
  series("praxis_connections", "gauge", "Open WebSocket connections.", connections.load());
  series("praxis_http_requests_total", "counter", "HTTP requests served.", http_requests.load());
  series("praxis_messages_in_total", "counter", "WebSocket messages received.", messages_in.load());
  series("praxis_messages_out_total", "counter", "WebSocket messages sent.", messages_out.load());
  series("praxis_write_queue_depth", "gauge", "Writes waiting for the writer thread.",
         write_queue_depth);
  series("praxis_outbound_queue_bytes", "gauge", "Bytes queued for all connections.",
         outbound_queue_bytes.load());
  series("praxis_slow_consumers_total", "counter", "Connections cut off for not reading.",
         slow_consumers.load());
  series("praxis_outbound_memory_bytes", "gauge",
         "Memory held for delivery: each message once, plus each queued copy's entry.",
         outbound_memory().load());
  series("praxis_outbound_memory_peak_bytes", "gauge",
         "The most memory held for delivery at once since the start.",
         outbound_memory_peak_bytes.load());
  series("praxis_writes_refused_total", "counter",
         "Writes refused (unavailable) while over max_outbound_bytes.", writes_refused.load());
  std::lock_guard lock(mu_);
  out << "# HELP praxis_commit_seconds Group-commit latency.\n"
      << "# TYPE praxis_commit_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    out << "praxis_commit_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << counts_[i] << '\n';
  }
  out << "praxis_commit_seconds_bucket{le=\"+Inf\"} " << commit_count_ << '\n'
      << "praxis_commit_seconds_sum " << std::setprecision(17) << commit_sum_ << '\n'
      << "praxis_commit_seconds_count " << commit_count_ << '\n';
  return out.str();
}

}  // namespace praxis::server
