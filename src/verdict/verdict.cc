// DecideRisks: residual acceptability from the level, the measures' evidence and the threats.
#include "medtra/verdict/verdict.h"

#include <unordered_map>

#include "medtra/base/strings.h"

namespace medtra::verdict {
namespace {

void JudgeLevel(const model::Risk& risk, const risk::RiskResult& r, RiskVerdict& v) {
  const std::string& level = r.residual_level;
  if (!r.residual_level_acceptable) {
    v.blocked_by.push_back({"level", level, "not-acceptable",
                            "residual level '" + level +
                                "' is not acceptable under the risk method: reduce the risk"});
    return;
  }
  const std::string justification = risk.residual ? risk.residual->justification : "";
  if (r.residual_needs_justification && justification.empty()) {
    v.blocked_by.push_back(
        {"justification", level, "missing",
         "residual level '" + level +
             "' is acceptable only with a recorded justification (reduced as far as possible, "
             "benefit weighed): add 'residual: {justification: ...}'"});
    return;
  }
  v.because.push_back("residual level '" + level + "' is acceptable under the risk method" +
                      (justification.empty() ? "" : ", with the recorded justification"));
}

void JudgeMeasures(const model::Risk& risk,
                   const std::unordered_map<std::string_view, const MeasureStatus*>& by_id,
                   RiskVerdict& v) {
  for (const std::string& id : risk.measures) {
    const auto it = by_id.find(id);
    const std::string status = it != by_id.end() ? it->second->status : "unverified";
    const std::string detail = it != by_id.end() ? it->second->detail : "";
    if (status == "verified") {
      v.because.push_back("measure '" + id + "' is verified" +
                          (detail.empty() ? "" : " (" + detail + ")"));
    } else if (status == "not-applicable") {
      v.because.push_back("measure '" + id + "' is a user measure (instructions for secure use)");
    } else {
      v.blocked_by.push_back(
          {"measure", id, status,
           "measure '" + id + "' is " + status + (detail.empty() ? "" : " (" + detail + ")")});
    }
  }
}

// A linked threat still open after the measures contradicts a residual estimate that rests on
// measures; a risk that claims no reduction (no measures, residual level as before) is accepted
// at its own level with the threat open.
void JudgeThreats(const std::vector<rules::Threat>& threats, const std::vector<uint32_t>& linked,
                  bool claims_reduction, RiskVerdict& v) {
  size_t mitigated = 0, decided = 0;
  for (const uint32_t i : linked) {
    const rules::Threat& t = threats[i];
    if (t.status == rules::ThreatStatus::kOpen && !claims_reduction) {
      v.because.push_back("threat '" + t.id +
                          "' is open: the risk claims no reduction by measures and is judged at "
                          "its own level");
    } else if (t.status == rules::ThreatStatus::kOpen) {
      v.blocked_by.push_back({"threat", t.id, "open",
                              "threat '" + t.id +
                                  "' is still open after the measures and "
                                  "carries no decision"});
    } else if (t.status == rules::ThreatStatus::kMitigated) {
      ++mitigated;
    } else {
      ++decided;
    }
  }
  if (linked.empty()) return;
  v.because.push_back(std::to_string(linked.size()) + " linked threat" +
                      (linked.size() == 1 ? "" : "s") + ": " + std::to_string(mitigated) +
                      " mitigated, " + std::to_string(decided) + " decided");
}

}  // namespace

std::vector<RiskVerdict> DecideRisks(const std::vector<risk::RiskResult>& risks,
                                     const std::vector<MeasureStatus>& measures,
                                     const std::vector<rules::Threat>& threats,
                                     const risk::ThreatLinks& links,
                                     std::vector<Diagnostic>* findings,
                                     const std::vector<VulnerabilityBlock>& vulnerabilities) {
  std::unordered_map<std::string_view, const MeasureStatus*> by_id;
  for (const MeasureStatus& m : measures) by_id.emplace(m.id, &m);
  std::vector<RiskVerdict> verdicts;
  verdicts.reserve(risks.size());
  for (size_t i = 0; i < risks.size(); ++i) {
    const risk::RiskResult& r = risks[i];
    const model::Risk& risk = *r.risk;
    RiskVerdict v;
    JudgeLevel(risk, r, v);
    JudgeMeasures(risk, by_id, v);
    static const std::vector<uint32_t> kNone;
    const bool claims_reduction = !risk.measures.empty() || r.residual_level != r.level;
    JudgeThreats(threats, i < links.threats_of_risk.size() ? links.threats_of_risk[i] : kNone,
                 claims_reduction, v);
    for (const VulnerabilityBlock& block : vulnerabilities) {
      if (block.risk == risk.id) v.blocked_by.push_back(block.reason);
    }
    v.acceptable = v.blocked_by.empty();
    if (!v.acceptable) v.because.clear();
    const SourceLocation& where = risk.residual ? risk.residual->location : risk.location;
    if (!v.acceptable) {
      std::vector<std::string> reasons;
      for (const Reason& reason : v.blocked_by) reasons.push_back(reason.message);
      findings->push_back({Severity::kError, "risk-not-acceptable",
                           "risk '" + risk.id + "': residual risk '" + r.residual_level +
                               "' is not acceptable: " + Join(reasons, "; "),
                           where});
    } else if (r.residual_needs_justification) {
      findings->push_back({Severity::kNote, "risk-accepted-with-justification",
                           "risk '" + risk.id + "': residual risk '" + r.residual_level +
                               "' accepted with justification: " + risk.residual->justification,
                           where});
    }
    verdicts.push_back(std::move(v));
  }
  return verdicts;
}

}  // namespace medtra::verdict
