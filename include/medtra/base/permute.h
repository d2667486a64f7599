// Reordering a vector through a sorted index: sorting the indices of large records and then moving
// each record once is cheaper than sorting the records, which moves them log n times.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace medtra {

/// Reorders `items` so that item i is the one that was at order[i], following the cycles in place
/// (no second vector of items at the peak of memory). Consumes `order`.
template <typename T>
void PermuteInPlace(std::vector<uint32_t>& order, std::vector<T>& items) {
  constexpr uint32_t kDone = UINT32_MAX;
  for (uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == kDone || order[start] == start) continue;
    T held = std::move(items[start]);
    uint32_t at = start;
    while (order[at] != start) {
      const uint32_t from = order[at];
      items[at] = std::move(items[from]);
      order[at] = kDone;
      at = from;
    }
    items[at] = std::move(held);
    order[at] = kDone;
  }
}

}  // namespace medtra
