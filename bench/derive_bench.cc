// DeriveThreats on a model: examples/icd, or the file in MEDTRA_BENCH_MODEL (e.g. one written by
// medtra-genmodel --components 10000 --flows 20000).
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "medtra/model/model_loader.h"
#include "medtra/rules/derive.h"

namespace {

void BM_DeriveThreats(benchmark::State& state) {
  const char* path = std::getenv("MEDTRA_BENCH_MODEL");
  medtra::RealFileSystem fs;
  medtra::DiagnosticSink sink;
  const auto model = medtra::model::LoadModel(
      fs, path != nullptr ? path : MEDTRA_SOURCE_DIR "/examples/icd", sink, nullptr);
  if (model == nullptr) {
    state.SkipWithError("the model does not load");
    return;
  }
  const medtra::rules::RuleCatalog catalog = medtra::rules::BuiltinCatalog();
  size_t threats = 0;
  for (auto _ : state) {
    const auto result = medtra::rules::DeriveThreats(*model, catalog, {}, nullptr);
    threats = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["threats"] = static_cast<double>(threats);
  state.counters["flows"] = static_cast<double>(model->flows.size());
}
BENCHMARK(BM_DeriveThreats)->Unit(benchmark::kMillisecond);

}  // namespace
