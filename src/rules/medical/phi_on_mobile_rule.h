// medical-phi-on-mobile: Patient data on a mobile device.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component of kind mobile-app at either end of a flow that carries personal health data.
class MedicalPhiOnMobileRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
