// A page of a list: at most `limit` items after a position, and whether more
// follow. Every list storage/ returns is one (PROTOCOL.md §3, "Lists").
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace praxis::storage {

template <class T>
struct Page {
  std::vector<T> items;
  bool has_more = false;
};

// The page of rows fetched with LIMIT limit + 1: the first `limit`, and
// whether there was one more.
template <class T>
Page<T> paged(std::vector<T> rows, std::int64_t limit) {
  Page<T> page{std::move(rows), false};
  if (static_cast<std::int64_t>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.has_more = true;
  }
  return page;
}

}  // namespace praxis::storage
