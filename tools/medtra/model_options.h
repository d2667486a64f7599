// Shared CLI plumbing for subcommands that read a model: loading, validating, printing diagnostics.
#pragma once

#include <memory>
#include <string>

#include "medtra/analysis/analyze.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/rules/rule_catalog.h"
#include "tools/medtra/command.h"
#include "tools/medtra/evidence_options.h"

namespace medtra::cli {

/// A loaded model with the text of its files (for caret snippets of later diagnostics).
struct ModelInput {
  std::unique_ptr<const model::SystemModel> model;
  SourceCache sources;
};

/// Prints the sink's diagnostics (sorted by location) to context.err as text or JSON.
void PrintDiagnostics(const CommandContext& context, DiagnosticSink& sink,
                      const SourceCache& sources, bool json);

/// Loads the model at `path` into `input`; on errors prints them and returns false.
bool LoadModelOrReport(const CommandContext& context, const std::string& path, bool json,
                       ModelInput* input);

/// Loads the model at `path` and reads its evidence (`--evidence`, else MODEL/evidence/); on errors
/// in either prints them and returns false.
bool LoadWithEvidenceOrReport(const CommandContext& context, const std::string& path,
                              const EvidenceOptions& options, bool json, ModelInput* input,
                              verify::Evidence* evidence);

/// What a subcommand that analyses a model takes from its command line.
struct AnalysisInputs {
  const EvidenceOptions* evidence = nullptr;  ///< null: read no evidence
  std::string rules_dir;                      ///< --rules DIR; "" for the model's own rules/
  std::string advisories;  ///< --advisories DIR: replaces the model's `software.advisories`
  std::string kev;         ///< --kev FILE: replaces the model's `software.kev`
  std::string today;       ///< --today: dates the age of open vulnerabilities
};

/// Loads the model and the user rules, reads the evidence, and runs the analysis; on input errors
/// (model, rules, evidence) prints them and returns false.
/// `catalog` must outlive `result` (its threats point at rule metadata).
bool AnalyzeOrReport(const CommandContext& context, const std::string& path,
                     const AnalysisInputs& inputs, bool json, ModelInput* input,
                     rules::RuleCatalog* catalog, analysis::Analysis* result);

/// Adds `--format` restricted to text|json to a subcommand.
void AddTextJsonFormat(CLI::App* command, std::string* format);

}  // namespace medtra::cli
