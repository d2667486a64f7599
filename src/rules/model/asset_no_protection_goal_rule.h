// model-asset-no-protection-goal: Asset without protection goals.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// An asset with an empty protect list.
class ModelAssetNoProtectionGoalRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
