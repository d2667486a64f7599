// device-no-user-authentication: Operator not authenticated.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component that users operate (programmer, workstation, mobile app, home monitor, server,
/// cloud) with credentials: none.
class DeviceNoUserAuthenticationRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
