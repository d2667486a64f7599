// The stages of `medtra analyze` one by one (load, analyze, JSON, HTML, Markdown) and of `medtra
// paths` (attack graphs, paths) on examples/icd, or on the file or folder in MEDTRA_BENCH_MODEL
// (e.g. one written by medtra-genmodel --components 10000 --flows 20000), to see where the time
// of bench/pipeline.sh goes.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "medtra/analysis/analyze.h"
#include "medtra/model/model_loader.h"
#include "medtra/paths/attack_graph.h"
#include "medtra/report/document.h"
#include "medtra/report/paths_render.h"
#include "medtra/rules/design_views.h"
#include "medtra/rules/rule_catalog.h"

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

/// The attack graphs of both designs, as `medtra paths` and `medtra analyze` build them.
void BM_AttackGraphs(benchmark::State& state) {
  const auto model = Load();
  if (model == nullptr) {
    state.SkipWithError("the model does not load");
    return;
  }
  size_t nodes = 0;
  size_t edges = 0;
  for (auto _ : state) {
    const medtra::rules::ModelIndex index(*model);
    const medtra::rules::DesignViews views(*model, index);
    const auto before = views.Graph(false);
    const auto after = views.Graph(true);
    nodes = before->nodes().size() + after->nodes().size();
    edges = before->edges().size() + after->edges().size();
    benchmark::DoNotOptimize(after.get());
  }
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["edges"] = static_cast<double>(edges);
}
BENCHMARK(BM_AttackGraphs)->Unit(benchmark::kMillisecond);

/// The threats the graphs cite and the paths, as `medtra paths` derives them.
medtra::analysis::ThreatsAndPaths DerivePaths(const medtra::model::SystemModel& model,
                                              const medtra::paths::PathOptions& options) {
  medtra::rules::RuleCatalog catalog;
  medtra::rules::RegisterBuiltinRules(catalog);
  return medtra::analysis::DeriveThreatsAndPaths(model, catalog, options, 0, nullptr,
                                                 /*cited_rules_only=*/true);
}

std::string PathsJsonText(const medtra::analysis::ThreatsAndPaths& derived,
                          const medtra::paths::PathOptions& options) {
  return medtra::report::PathsJson(*derived.paths, options, derived.threats).dump(2);
}

/// What `medtra paths --format json` does after loading: the graphs, the threats they cite, the
/// paths, reach and cuts of both designs, and the JSON text.
void BM_Paths(benchmark::State& state) {
  const auto model = Load();
  if (model == nullptr) {
    state.SkipWithError("the model does not load");
    return;
  }
  const medtra::paths::PathOptions options;
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = PathsJsonText(DerivePaths(*model, options), options);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Paths)->Unit(benchmark::kMillisecond);

/// The JSON text of `medtra paths` alone, on the paths of the model.
void BM_PathsJson(benchmark::State& state) {
  const auto model = Load();
  if (model == nullptr) {
    state.SkipWithError("the model does not load");
    return;
  }
  const medtra::paths::PathOptions options;
  const medtra::analysis::ThreatsAndPaths derived = DerivePaths(*model, options);
  for (auto _ : state) {
    const std::string out = PathsJsonText(derived, options);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_PathsJson)->Unit(benchmark::kMillisecond);

}  // namespace
