#include "storage/migrations/ledger.hpp"

#include <iterator>

#include "storage/migrations/steps.hpp"

namespace praxis::storage {

namespace {

constexpr Migration kSteps[] = {
    {1, 1, &migrations::foundation},
    // v1 binaries cannot read stream logs.
    {2, 2, &migrations::streams},
    // v2 binaries would let deactivated users and revoked invitations in.
    {3, 3, &migrations::accounts_lifecycle},
    // v3 binaries only miss an index.
    {4, 3, &migrations::unread_by_key},
    // v4 binaries keep the new index as they write.
    {5, 3, &migrations::unread_index},
    // v5 binaries read the dropped text column and name the dropped index.
    {6, 6, &migrations::narrow_messages},
    // v6 binaries read the dropped columns.
    {7, 7, &migrations::lean_messages},
    // v7 binaries would let people post in archived rooms.
    {8, 8, &migrations::archived_rooms},
};

constexpr bool numbered_in_order() {
  for (std::size_t i = 0; i < std::size(kSteps); ++i) {
    const auto& m = kSteps[i];
    if (m.version != static_cast<int>(i) + 1 || m.last_compatible > m.version) return false;
  }
  return true;
}
static_assert(std::size(kSteps) == kSchemaVersion,
              "kSchemaVersion must equal the number of migration steps");
static_assert(numbered_in_order(), "step i must produce version i + 1");

}  // namespace

std::span<const Migration> schema() { return kSteps; }

}  // namespace praxis::storage
