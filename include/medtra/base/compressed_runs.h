// Compressed runs: the items of many short lists in one vector, each list found by its start in a
// second vector of begins (one past the end for the last list).
#pragma once

#include <cstdint>
#include <vector>

namespace medtra {

/// Turns the counts of compressed runs (`begin[i + 1]`: the size of run i) into their starts.
inline void Accumulate(std::vector<uint32_t>& begin) {
  for (size_t i = 0; i + 1 < begin.size(); ++i) begin[i + 1] += begin[i];
}

}  // namespace medtra
