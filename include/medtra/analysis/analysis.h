// The result of `medtra analyze`: everything the report writers render, computed once.
#pragma once

#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/risk/vulnerabilities.h"
#include "medtra/rules/threat.h"
#include "medtra/trace/sdl.h"
#include "medtra/trace/trace.h"
#include "medtra/verify/verify.h"

namespace medtra::analysis {

/// A risk of the model, evaluated against the risk method.
struct RiskResult {
  const model::Risk* risk = nullptr;
  std::string asset_name;
  std::string level;  ///< level of likelihood x impact before measures
  bool acceptable = false;
  bool has_residual = false;
  std::string residual_level;
  bool residual_acceptable = false;
  bool safety_related = false;
  bool data_breach = false;  ///< confidentiality breach of personal health data (GDPR art. 33/34)
};

/// A measure with the outcome of its verifications (from verify::VerifyMeasures).
struct MeasureResult {
  const model::Measure* measure = nullptr;
  std::vector<std::string> risks;                ///< risks that name it
  std::vector<verify::RefResult> verifications;  ///< one per `verified_by` item, in order
  /// The worst of `verifications`; with none: unverified (technical) or not-applicable (user).
  verify::Status verification_status = verify::Status::kUnverified;
};

struct Analysis {
  const model::SystemModel* model = nullptr;
  std::vector<RiskResult> risks;
  std::vector<MeasureResult> measures;
  std::vector<rules::Threat> threats;
  std::vector<risk::ScoredVulnerability> vulnerabilities;
  /// Traceability risk -> measure -> requirement -> design -> verification (its findings are also
  /// in `findings`).
  trace::TraceResult trace;
  /// The secure development life cycle plan: coverage and gaps (not repeated in `findings`).
  trace::SdlReport sdl;
  /// Findings sorted by severity, then location; severities error > warning > note.
  std::vector<Diagnostic> findings;
};

}  // namespace medtra::analysis
