#include "server/core/metrics.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace praxis::server {
namespace {

// The value of the sample line that starts with `series` (name and labels).
std::string sample(const std::string& text, const std::string& series) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(series + ' ', 0) == 0) return line.substr(series.size() + 1);
  }
  return "<missing>";
}

TEST_CASE("metrics: every series of PROTOCOL.md") {
  Metrics m;
  const auto text = m.render(0);
  struct Case {
    std::string name, type;
  };
  const std::vector<Case> cases = {
      {"praxis_connections", "gauge"},
      {"praxis_http_requests_total", "counter"},
      {"praxis_messages_in_total", "counter"},
      {"praxis_messages_out_total", "counter"},
      {"praxis_commit_seconds", "histogram"},
      {"praxis_write_queue_depth", "gauge"},
      {"praxis_outbound_queue_bytes", "gauge"},
      {"praxis_slow_consumers_total", "counter"},
      {"praxis_outbound_memory_bytes", "gauge"},
      {"praxis_outbound_memory_peak_bytes", "gauge"},
      {"praxis_writes_refused_total", "counter"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(text.find("# HELP " + c.name + ' ') != std::string::npos);
    CHECK(text.find("# TYPE " + c.name + ' ' + c.type + '\n') != std::string::npos);
  }
  CHECK(text.back() == '\n');
}

TEST_CASE("metrics: values") {
  Metrics m;
  m.connections = 3;
  m.http_requests += 12;
  m.messages_in += 5;
  m.messages_out += 8;
  m.outbound_queue_bytes = 4096;
  ++m.slow_consumers;
  const auto text = m.render(7);
  CHECK(sample(text, "praxis_connections") == "3");
  CHECK(sample(text, "praxis_http_requests_total") == "12");
  CHECK(sample(text, "praxis_messages_in_total") == "5");
  CHECK(sample(text, "praxis_messages_out_total") == "8");
  CHECK(sample(text, "praxis_write_queue_depth") == "7");
  CHECK(sample(text, "praxis_outbound_queue_bytes") == "4096");
  CHECK(sample(text, "praxis_slow_consumers_total") == "1");
}

TEST_CASE("metrics: commit histogram buckets are cumulative") {
  Metrics m;
  for (double s : {0.0001, 0.0005, 0.003, 0.003, 0.2, 5.0}) m.observe_commit(s);
  const auto text = m.render(0);
  struct Case {
    std::string le, count;
  };
  const std::vector<Case> cases = {
      {"0.0005", "2"}, {"0.001", "2"}, {"0.0025", "2"}, {"0.005", "4"},
      {"0.01", "4"},   {"0.025", "4"}, {"0.05", "4"},   {"0.1", "4"},
      {"0.25", "5"},   {"1", "5"},     {"+Inf", "6"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.le);
    CHECK(sample(text, "praxis_commit_seconds_bucket{le=\"" + c.le + "\"}") == c.count);
  }
  CHECK(sample(text, "praxis_commit_seconds_count") == "6");
  CHECK(std::stod(sample(text, "praxis_commit_seconds_sum")) == Approx(5.2066));
}

TEST_CASE("metrics: an empty histogram") {
  const auto text = Metrics().render(0);
  CHECK(sample(text, "praxis_commit_seconds_bucket{le=\"0.0005\"}") == "0");
  CHECK(sample(text, "praxis_commit_seconds_bucket{le=\"+Inf\"}") == "0");
  CHECK(sample(text, "praxis_commit_seconds_sum") == "0");
  CHECK(sample(text, "praxis_commit_seconds_count") == "0");
}

// Bug: the sum is written with the stream's default 6 significant digits, so
// a long-running server's total commit time loses its fractional part
// (1000000.5 is rendered "1e+06") and rate() over it goes wrong.
TEST_CASE("metrics: the commit sum keeps its precision") {
  Metrics m;
  m.observe_commit(1000000);
  m.observe_commit(0.5);
  CHECK(std::stod(sample(m.render(0), "praxis_commit_seconds_sum")) == 1000000.5);
}

}  // namespace
}  // namespace praxis::server
