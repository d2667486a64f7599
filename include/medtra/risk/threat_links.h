// Which derived threats each risk assesses: `threats:` links, decision links and proposals.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/system_model.h"
#include "medtra/rules/threat.h"

namespace medtra::risk {

/// Risks proposed for a threat that no risk assesses yet: same asset or flow, matching breach.
struct ThreatProposal {
  uint32_t threat = 0;             ///< index into the threats
  std::vector<std::string> risks;  ///< risk ids, in model order
};

/// The links between risks and threats.
struct ThreatLinks {
  /// Per risk (model order): indices of the threats it assesses (through its `threats:` links
  /// and through decisions that name the risk), sorted.
  std::vector<std::vector<uint32_t>> threats_of_risk;
  /// For threats that need an assessment and have none, the risks that could take them.
  std::vector<ThreatProposal> proposals;

  /// The proposal for one threat index, or nullptr.
  const ThreatProposal* ProposalFor(uint32_t threat) const;
};

/// The breach a STRIDE category threatens: confidentiality (information disclosure),
/// availability (denial of service) or integrity (the others).
std::string_view BreachOf(std::string_view stride);

/// Whether a threat needs an assessment: open before measures, or brought in by the measures.
bool NeedsAssessment(const rules::Threat& threat);

/// Whether a threat carries a decision that assesses it without a risk: accepted, transferred
/// or not applicable, with a rationale.
bool IsDecided(const rules::Threat& threat);

/// Links the threats (sorted by id) to the risks that name them. Sets `Threat::risk` to the first
/// risk in model order that assesses a threat without one (a decision's risk link stays). Adds
/// findings: a `threats:` link that matches no derived threat (`risk-threat-unmatched`, warning),
/// a threat that needs an assessment and has none (`threat-unassessed`, warning, with the
/// proposed risks), and a threat whose derived likelihood differs from its risk's estimate
/// (`threat-likelihood-differs`, note). Pure: no I/O.
ThreatLinks LinkThreats(const model::SystemModel& model, std::vector<rules::Threat>& threats,
                        std::vector<Diagnostic>* findings);

}  // namespace medtra::risk
