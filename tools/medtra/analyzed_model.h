// Shared CLI plumbing for `diff`, `export` and `threats`: a model analysed quietly, as report JSON
// and elements, and writing one output.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "medtra/interchange/model_elements.h"
#include "tools/medtra/model_options.h"

namespace medtra::cli {

/// A model, its analysis, the analysis as report JSON and the model as elements.
struct AnalyzedModel {
  ModelInput input;
  rules::RuleCatalog catalog;  ///< outlives `result`
  analysis::Analysis result;
  nlohmann::json report;
  interchange::Elements elements;
};

/// Loads and analyses `path` as `analyze` does (with MODEL/evidence/). The analysis' warnings are
/// `analyze`'s business: they are printed only when the model does not load. Returns false (with
/// the diagnostics printed) on input errors.
bool AnalyzeQuietly(const CommandContext& context, const std::string& path, AnalyzedModel* out);

/// Writes `text` to stdout when `output` is "-", else atomically to the file (then "wrote FILE"
/// on stderr); returns the exit code (2 when the file cannot be written).
int WriteOutput(const CommandContext& context, const std::string& output, const std::string& text,
                const std::string& command);

}  // namespace medtra::cli
