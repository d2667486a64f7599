// The result of `medtra analyze`: everything the report writers render, computed once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "medtra/analysis/inputs.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/paths/analyze_paths.h"
#include "medtra/risk/risk_result.h"
#include "medtra/risk/threat_links.h"
#include "medtra/risk/vulnerabilities.h"
#include "medtra/rules/threat.h"
#include "medtra/sbom/scan.h"
#include "medtra/trace/sdl.h"
#include "medtra/trace/trace.h"
#include "medtra/verdict/verdict.h"
#include "medtra/verify/verify.h"

namespace medtra::analysis {

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
  std::vector<risk::RiskResult> risks;
  /// Per risk (same order): whether its residual risk is acceptable, and why or why not.
  std::vector<verdict::RiskVerdict> verdicts;
  /// Which threats each risk assesses, and the risks proposed for unassessed threats.
  risk::ThreatLinks links;
  std::vector<MeasureResult> measures;
  std::vector<rules::Threat> threats;
  /// The attack paths to the essential functions before and after the measures, the reach of
  /// many-instance components and the minimal cuts (docs/attack-paths.md).
  std::shared_ptr<const paths::PathsAnalysis> paths;
  std::vector<risk::ScoredVulnerability> vulnerabilities;
  /// The known vulnerabilities of the device's software (when the model names SBOMs and
  /// advisories), with VEX decisions and postmarket verdicts.
  std::optional<sbom::ScanResult> software;
  /// Traceability risk -> measure -> requirement -> design -> verification (its findings are also
  /// in `findings`).
  trace::TraceResult trace;
  /// The secure development life cycle plan: coverage and gaps (not repeated in `findings`).
  trace::SdlReport sdl;
  /// The verdict on a risk of `risks` (a reference into it), or nullptr before the verdicts.
  const verdict::RiskVerdict* VerdictFor(const risk::RiskResult& r) const {
    const size_t i = static_cast<size_t>(&r - risks.data());
    return i < verdicts.size() ? &verdicts[i] : nullptr;
  }
  /// Whether a risk's residual risk is acceptable: the verdict's answer (false without one).
  bool ResidualAcceptable(const risk::RiskResult& r) const {
    const verdict::RiskVerdict* v = VerdictFor(r);
    return v != nullptr && v->acceptable;
  }
  /// Every file the analysis read (model, evidence, user rules), sorted by role and path.
  std::vector<Input> inputs;
  /// SHA-256 over the inputs, the rule catalog and the tool version (ReportId).
  std::string report_id;
  /// Findings sorted by severity, then location; severities error > warning > note.
  std::vector<Diagnostic> findings;
};

}  // namespace medtra::analysis
