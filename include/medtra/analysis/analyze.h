// Analyze(): the pipeline after loading (rules -> risk -> trace), producing an Analysis.
#pragma once

#include <string>

#include "medtra/analysis/analysis.h"
#include "medtra/model/system_model.h"

namespace medtra::analysis {

struct AnalyzeOptions {
  /// Sim evidence JSON (`medtra sim --evidence`), already read; empty when none was given.
  std::string sim_evidence_json;
  std::string sim_evidence_path;
};

/// Runs every analysis stage on a loaded model. Pure: no I/O, no printing.
Analysis Analyze(const model::SystemModel& model, const AnalyzeOptions& options);

}  // namespace medtra::analysis
