// Private to the advisory sources: records read by several workers in contiguous runs, joined in
// order so that the result is what one reader would have given.
#pragma once

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/advisory.h"

namespace medtra::sbom::internal {

/// The largest advisory file (or zip entry) read.
constexpr size_t kMaxAdvisoryBytes = size_t{64} << 20;

/// What one worker read: its records, its part of the digest listing and its diagnostics.
struct Chunk {
  std::vector<Advisory> advisories;
  std::string listing;  ///< "name<TAB>sha256<LF>" per file, for the digest
  DiagnosticSink sink{1 << 16};
};

/// Reads one advisory file (`file` locates it, `name` is its line of the digest listing).
void Parse(const std::string& file, const std::string& name, const std::string& text, bool digest,
           Chunk* chunk);

/// Runs `read(from, to, chunk)` on contiguous parts of `count` items, on up to 8 threads (one
/// per 512 items).
template <typename Read>
std::vector<Chunk> InParallel(size_t count, Read read) {
  constexpr size_t kItemsPerWorker = 512;
  constexpr size_t kMaxWorkers = 8;
  const size_t hardware = std::max<size_t>(1, std::thread::hardware_concurrency());
  const size_t workers =
      std::clamp<size_t>(count / kItemsPerWorker, 1, std::min(hardware, kMaxWorkers));
  std::vector<Chunk> chunks(workers);
  std::vector<std::thread> threads;
  auto begin = [&](size_t w) { return count * w / workers; };
  for (size_t w = 1; w < workers; ++w) {
    threads.emplace_back([&, w] { read(begin(w), begin(w + 1), &chunks[w]); });
  }
  read(begin(0), begin(1), &chunks[0]);
  for (std::thread& t : threads) t.join();
  return chunks;
}

/// The chunks' advisories sorted by id (NVD and OSV records of one id merged, other duplicates
/// errors), their diagnostics in `sink`, and the SHA-256 of the joined listing in `digest`.
std::vector<Advisory> Join(std::vector<Chunk>& chunks, DiagnosticSink& sink, std::string* digest);

/// ReadAdvisoryFolder for a zip archive.
std::vector<Advisory> ReadAdvisoryZip(const FileSystem& fs, const std::string& zip,
                                      DiagnosticSink& sink, std::string* digest);

}  // namespace medtra::sbom::internal
