// OutboundBudget at its edges (server/core/limits/outbound_budget.hpp).
#include "server/core/limits/outbound_budget.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>

namespace praxis::server {
namespace {

TEST_CASE("a connection is cut past its own bound, whatever the total") {
  const OutboundBudget b{1000, 1'000'000};
  CHECK_FALSE(b.cuts(1000, 1000, true));
  CHECK(b.cuts(1001, 1001, false));
}

TEST_CASE("past the global budget, stalled readers above the slow mark are cut, the others not") {
  const OutboundBudget b{8000, 4000};
  CHECK(b.slow_mark() == 500);  // an eighth of the smaller bound
  CHECK_FALSE(b.over(4000));
  CHECK(b.over(4001));
  CHECK_FALSE(b.cuts(501, 4000, true));   // at the budget: nobody
  CHECK_FALSE(b.cuts(500, 4001, true));   // over it: not at the mark
  CHECK_FALSE(b.cuts(501, 4001, false));  // a reader that takes what it is sent
  CHECK(b.cuts(501, 4001, true));
  CHECK(OutboundBudget{800, 1'000'000}.slow_mark() == 100);
}

}  // namespace
}  // namespace praxis::server
