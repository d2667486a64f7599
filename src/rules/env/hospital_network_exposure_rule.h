// env-hospital-network-exposure: Exposure to the hospital network.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component with a network flow (wifi, ethernet) that sits in a hospital-network zone, or that
/// is in an intended environment stating network: hospital.
class EnvHospitalNetworkExposureRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
