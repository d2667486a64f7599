// env-internet-exposure: Exposure to the internet.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component outside the cloud and internet zones with a flow over the internet, or with a
/// network flow when it is in an intended environment stating network: internet.
class EnvInternetExposureRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
