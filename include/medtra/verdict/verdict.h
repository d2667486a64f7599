// The verdict on each residual risk: acceptable only when its level, its measures' evidence and
// its threats all allow it; otherwise blocked, with every reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/risk/risk_result.h"
#include "medtra/risk/threat_links.h"
#include "medtra/rules/threat.h"

namespace medtra::verdict {

/// What the verification stage says of one measure.
struct MeasureStatus {
  std::string id;
  std::string status;  ///< verified | failed | missing | stale | unverified | not-applicable
  std::string detail;  ///< e.g. "sim:modify failed"
};

/// One reason a residual risk is not acceptable.
struct Reason {
  std::string kind;     ///< level | justification | measure | threat | vulnerability
  std::string id;       ///< the level, measure or threat id
  std::string status;   ///< the level's acceptability, the measure's or the threat's status
  std::string message;  ///< one sentence, for reports and findings
};

/// A known vulnerability in the device's software that keeps its risk from being acceptable: it
/// still affects the device and is known exploited (CISA KEV), or has no VEX decision.
struct VulnerabilityBlock {
  std::string risk;  ///< the risk it lands on
  Reason reason;  ///< kind "vulnerability", id the advisory, status "known-exploited" | "undecided"
};

/// The verdict on one risk's residual risk.
struct RiskVerdict {
  bool acceptable = false;
  std::vector<Reason> blocked_by;    ///< empty exactly when acceptable
  std::vector<std::string> because;  ///< what an acceptable verdict rests on, one line each
};

/// Decides every risk (same order as `risks`). A residual risk is acceptable only when (a) its
/// residual level is acceptable under the risk method, with a recorded justification where the
/// level asks for one; (b) every measure of the risk is verified (user measures without
/// references are not-applicable and do not block); and (c) no threat linked to the risk is open
/// after measures without a decision, where the risk claims a reduction by measures (it has
/// measures, or a residual level below its level): a risk that claims none is judged at its own
/// level, with its open threats named in `because`. Adds `risk-not-acceptable` (error) for each
/// blocked risk and `risk-accepted-with-justification` (note) where a justification carries the
/// verdict. (d) No vulnerability of `vulnerabilities` lands on it.
std::vector<RiskVerdict> DecideRisks(const std::vector<risk::RiskResult>& risks,
                                     const std::vector<MeasureStatus>& measures,
                                     const std::vector<rules::Threat>& threats,
                                     const risk::ThreatLinks& links,
                                     std::vector<Diagnostic>* findings,
                                     const std::vector<VulnerabilityBlock>& vulnerabilities = {});

}  // namespace medtra::verdict
