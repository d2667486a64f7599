// Deterministic seeded randomness for the simulator (SplitMix64 seeding a xoshiro256** generator).
#pragma once

#include <cstdint>
#include <span>

#include "medtra/link/crypto.h"

namespace medtra::sim {

/// Not cryptographic: the simulator needs reproducible runs, not secrets.
class Rng final : public link::RandomSource {
 public:
  explicit Rng(uint64_t seed);
  uint64_t Next();
  /// Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n) { return Next() % n; }
  /// Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Uniform() < p; }
  void Fill(std::span<uint8_t> out) override;

 private:
  uint64_t s_[4];
};

}  // namespace medtra::sim
