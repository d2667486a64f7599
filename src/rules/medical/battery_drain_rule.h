// medical-battery-drain: Battery depletion by repeated wake-ups.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A wireless or network flow with wakeup: true to a component with wakeup_limit: false.
class MedicalBatteryDrainRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
