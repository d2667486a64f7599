// model-phi-confidentiality-goal: Personal health data without a confidentiality goal.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// An asset with personal_health_data: true whose protect list lacks confidentiality.
class ModelPhiConfidentialityGoalRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
