// medical-mobile-app-control: A mobile app in the therapy control path.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with therapy_commands: true that starts or ends at a component of kind mobile-app.
class MedicalMobileAppControlRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
