// medical-patient-tracking: Tracking a patient by a static radio identifier.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A wireless flow with authentication: static-identifier to or from an implant or wearable.
class MedicalPatientTrackingRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
