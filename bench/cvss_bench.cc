// CVSS parse + score throughput: batches of valid 3.1 and 4.0 vectors (random, fixed seed),
// reported as vectors per second (items_per_second) on one core.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "medtra/risk/cvss/cvss.h"

namespace {

namespace cvss = medtra::risk::cvss;

constexpr int kBatch = 4096;

struct Choice {
  const char* key;
  std::vector<const char*> values;
  bool mandatory;
};

std::vector<std::string> MakeVectors(const char* prefix, const std::vector<Choice>& metrics,
                                     uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<std::string> out;
  out.reserve(kBatch);
  for (int i = 0; i < kBatch; ++i) {
    std::string v = prefix;
    for (const Choice& m : metrics) {
      // Optional metrics appear in about a third of the vectors.
      if (!m.mandatory && random() % 3 != 0) continue;
      v += '/';
      v += m.key;
      v += ':';
      v += m.values[random() % m.values.size()];
    }
    out.push_back(std::move(v));
  }
  return out;
}

const std::vector<std::string>& Vectors31() {
  static const std::vector<std::string> vectors =
      MakeVectors("CVSS:3.1",
                  {{"AV", {"N", "A", "L", "P"}, true},
                   {"AC", {"L", "H"}, true},
                   {"PR", {"N", "L", "H"}, true},
                   {"UI", {"N", "R"}, true},
                   {"S", {"U", "C"}, true},
                   {"C", {"H", "L", "N"}, true},
                   {"I", {"H", "L", "N"}, true},
                   {"A", {"H", "L", "N"}, true},
                   {"E", {"X", "H", "F", "P", "U"}, false},
                   {"RL", {"X", "U", "W", "T", "O"}, false},
                   {"RC", {"X", "C", "R", "U"}, false},
                   {"CR", {"X", "H", "M", "L"}, false},
                   {"MAV", {"X", "N", "A", "L", "P"}, false},
                   {"MS", {"X", "U", "C"}, false},
                   {"MC", {"X", "H", "L", "N"}, false}},
                  31);
  return vectors;
}

const std::vector<std::string>& Vectors40() {
  static const std::vector<std::string> vectors =
      MakeVectors("CVSS:4.0",
                  {{"AV", {"N", "A", "L", "P"}, true},
                   {"AC", {"L", "H"}, true},
                   {"AT", {"N", "P"}, true},
                   {"PR", {"N", "L", "H"}, true},
                   {"UI", {"N", "P", "A"}, true},
                   {"VC", {"H", "L", "N"}, true},
                   {"VI", {"H", "L", "N"}, true},
                   {"VA", {"H", "L", "N"}, true},
                   {"SC", {"H", "L", "N"}, true},
                   {"SI", {"H", "L", "N"}, true},
                   {"SA", {"H", "L", "N"}, true},
                   {"E", {"X", "A", "P", "U"}, false},
                   {"CR", {"X", "H", "M", "L"}, false},
                   {"MAV", {"X", "N", "A", "L", "P"}, false},
                   {"MVC", {"X", "H", "L", "N"}, false},
                   {"MSI", {"X", "S", "H", "L", "N"}, false},
                   {"U", {"X", "Clear", "Green", "Amber", "Red"}, false}},
                  40);
  return vectors;
}

void BM_Cvss31ParseAndScore(benchmark::State& state) {
  const std::vector<std::string>& vectors = Vectors31();
  for (auto _ : state) {
    int sum = 0;
    for (const std::string& v : vectors) {
      const medtra::Result<cvss::Cvss31Vector> parsed = cvss::ParseCvss31(v);
      sum += parsed.ok() ? cvss::ScoreCvss31(*parsed).environmental.tenths : -1;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(vectors.size()));
}
BENCHMARK(BM_Cvss31ParseAndScore);

void BM_Cvss40ParseAndScore(benchmark::State& state) {
  const std::vector<std::string>& vectors = Vectors40();
  for (auto _ : state) {
    int sum = 0;
    for (const std::string& v : vectors) {
      const medtra::Result<cvss::Cvss40Vector> parsed = cvss::ParseCvss40(v);
      sum += parsed.ok() ? cvss::ScoreCvss40(*parsed).score.tenths : -1;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(vectors.size()));
}
BENCHMARK(BM_Cvss40ParseAndScore);

// The CLI's path: version detection, parsing and scoring through one entry point.
void BM_CvssAssessMixed(benchmark::State& state) {
  std::vector<std::string> vectors = Vectors31();
  vectors.insert(vectors.end(), Vectors40().begin(), Vectors40().end());
  for (auto _ : state) {
    int sum = 0;
    for (const std::string& v : vectors) {
      const medtra::Result<cvss::CvssAssessment> a = cvss::AssessVector(v);
      sum += a.ok() ? 1 : 0;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(vectors.size()));
}
BENCHMARK(BM_CvssAssessMixed);

}  // namespace
