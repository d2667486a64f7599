// ParallelFor: independent tasks on a few threads, with results the same as one thread gives.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace medtra {

/// The threads to use: `requested` when it is above 0, else one per core (at least 1).
inline unsigned ThreadCount(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

/// Calls `task(i)` once for every i in [0, count), on up to `threads` threads (the caller's among
/// them), each taking the next index from a shared counter. A task writes only its own slot of
/// the caller's results, so the results do not depend on the number of threads. Returns when all
/// tasks are done; rethrows the first exception a task threw (the others still ran).
template <typename Task>
void ParallelFor(size_t count, unsigned threads, Task&& task) {
  const size_t workers = std::min<size_t>(std::max(1u, threads), count);
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        task(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

/// Runs `first` and `second` at the same time when `threads` > 1, else one after the other.
template <typename First, typename Second>
void BothAtOnce(unsigned threads, First&& first, Second&& second) {
  ParallelFor(2, threads, [&](size_t i) {
    if (i == 0) {
      first();
    } else {
      second();
    }
  });
}

}  // namespace medtra
