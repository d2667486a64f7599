// The stages of `medtra analyze` one by one (load, analyze, JSON, HTML, Markdown) on examples/icd,
// or on the file in MEDTRA_BENCH_MODEL (e.g. one written by medtra-genmodel --components 10000
// --flows 20000), to see where the time of bench/pipeline.sh goes.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/report/document.h"

namespace {

std::string ModelPath() {
  const char* path = std::getenv("MEDTRA_BENCH_MODEL");
  return path != nullptr ? path : MEDTRA_SOURCE_DIR "/examples/icd";
}

std::unique_ptr<const medtra::model::SystemModel> Load() {
  medtra::RealFileSystem fs;
  medtra::DiagnosticSink sink;
  return medtra::model::LoadModel(fs, ModelPath(), sink, nullptr);
}

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    const auto model = Load();
    if (model == nullptr) {
      state.SkipWithError("the model does not load");
      return;
    }
    benchmark::DoNotOptimize(model.get());
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

void BM_Analyze(benchmark::State& state) {
  const auto model = Load();
  if (model == nullptr) {
    state.SkipWithError("the model does not load");
    return;
  }
  for (auto _ : state) {
    const medtra::analysis::Analysis result = medtra::analysis::Analyze(*model, {});
    benchmark::DoNotOptimize(result.threats.data());
  }
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

/// Renders one format of the analysis of the model.
void BM_Render(benchmark::State& state, const char* format) {
  const auto model = Load();
  if (model == nullptr) {
    state.SkipWithError("the model does not load");
    return;
  }
  const medtra::analysis::Analysis result = medtra::analysis::Analyze(*model, {});
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = medtra::report::RenderFormat(format, result);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK_CAPTURE(BM_Render, json, "json")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, html, "html")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Render, md, "md")->Unit(benchmark::kMillisecond);

}  // namespace
