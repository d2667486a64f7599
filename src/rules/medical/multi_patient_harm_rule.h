// medical-multi-patient-harm: One compromise reaches many patients.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component with instances: many (one instance serving many patients or devices) that talks to
/// an implant or wearable, or sends therapy commands.
class MedicalMultiPatientHarmRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
