// Analyze(): the pipeline after loading (rules -> risk -> trace), producing an Analysis.
#pragma once

#include <string>

#include "medtra/analysis/analysis.h"
#include "medtra/model/system_model.h"
#include "medtra/rules/rule_catalog.h"

namespace medtra::analysis {

struct AnalyzeOptions {
  /// Outcomes of verifications read from evidence files (sim evidence, test results), by ref
  /// (`sim:eavesdrop`, `test:Suite.Name`). A measure's `verified_by` ref without an entry here is
  /// "not-run".
  std::vector<Verification> evidence;
  /// The threat rules to run (built-in plus user rules); null runs the built-in catalog.
  const rules::RuleCatalog* catalog = nullptr;
};

/// Runs every analysis stage on a loaded model. Pure: no I/O, no printing.
Analysis Analyze(const model::SystemModel& model, const AnalyzeOptions& options);

}  // namespace medtra::analysis
