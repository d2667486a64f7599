// The TIR57 risk engine: levels from the matrix, residual risk, acceptability, and findings.
#pragma once

#include <vector>

#include "medtra/analysis/analysis.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/risk/risk_result.h"

namespace medtra::risk {

/// Evaluates every risk of the model against its risk method (levels before and after measures;
/// the verdict on acceptability is verdict::DecideRisks'). Adds findings for: measures without a
/// residual estimate, a patient-harm risk without an ISO 14971 hazard, and a reportable data
/// breach.
std::vector<risk::RiskResult> EvaluateRisks(const model::SystemModel& model,
                                            std::vector<Diagnostic>* findings);

/// Evaluates the measures, in model order: which risks use them and their effect on essential
/// functions (verification is verify::VerifyMeasures'). Adds findings for a technical measure
/// that does not state its essential-function impact or impairs an essential function.
std::vector<analysis::MeasureResult> EvaluateMeasures(const model::SystemModel& model,
                                                      std::vector<Diagnostic>* findings);

}  // namespace medtra::risk
