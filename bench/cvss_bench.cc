// CVSS parse + score throughput: batches of valid 3.1 and 4.0 vectors (random, fixed seed),
// reported as vectors per second (items_per_second) on one core.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/risk/cvss/cvss.h"
#include "medtra/risk/cvss/cvss31.h"
#include "medtra/risk/cvss/cvss40.h"

namespace {

namespace cvss = medtra::risk::cvss;

constexpr int kBatch = 4096;

/// kBatch random valid vectors over every metric of the version (the library's own metric table):
/// each mandatory metric with a random value, each optional one in about a third of the vectors.
template <typename Metric, int kCount, typename Key, typename Values, typename Mandatory>
std::vector<std::string> MakeVectors(const char* prefix, Key key, Values values,
                                     Mandatory mandatory, uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<std::string> out;
  out.reserve(kBatch);
  for (int i = 0; i < kBatch; ++i) {
    std::string v = prefix;
    for (int m = 0; m < kCount; ++m) {
      const Metric metric = static_cast<Metric>(m);
      if (!mandatory(metric) && random() % 3 != 0) continue;
      const std::vector<std::string_view> choices = values(metric);
      v += '/';
      v += key(metric);
      v += ':';
      v += choices[random() % choices.size()];
    }
    out.push_back(std::move(v));
  }
  return out;
}

const std::vector<std::string>& Vectors31() {
  static const std::vector<std::string> vectors =
      MakeVectors<cvss::Cvss31Metric, cvss::kCvss31MetricCount>("CVSS:3.1", cvss::Cvss31MetricKey,
                                                                cvss::Cvss31MetricValues,
                                                                cvss::Cvss31MetricMandatory, 31);
  return vectors;
}

const std::vector<std::string>& Vectors40() {
  static const std::vector<std::string> vectors =
      MakeVectors<cvss::Cvss40Metric, cvss::kCvss40MetricCount>("CVSS:4.0", cvss::Cvss40MetricKey,
                                                                cvss::Cvss40MetricValues,
                                                                cvss::Cvss40MetricMandatory, 40);
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
