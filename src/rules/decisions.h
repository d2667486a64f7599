// The model's `threat_decisions` section: what the manufacturer decided per derived threat.
#pragma once

#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/rules/threat.h"

namespace medtra::rules {

/// One decision: `{threat: ID, decision: mitigated|accepted|transferred|not-applicable,
/// measures: [...], rationale: ..., justification: ..., risk: ID}`.
struct ThreatDecision {
  std::string threat;
  ThreatStatus status = ThreatStatus::kOpen;
  std::string decision;  ///< as written
  std::vector<std::string> measures;
  std::string rationale;  ///< rationale or justification
  std::string risk;
  SourceLocation location;  ///< of the threat id
};

/// Parses every `threat_decisions` section: a list of decisions, or a mapping from threat id to
/// a decision. Reports located errors (unknown keys, values, measures and risks, a missing
/// rationale, two decisions for one threat) and skips the decisions that have them.
std::vector<ThreatDecision> ParseThreatDecisions(const model::SystemModel& model,
                                                 DiagnosticSink& sink);

}  // namespace medtra::rules
