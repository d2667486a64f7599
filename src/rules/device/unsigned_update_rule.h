// device-unsigned-update: Unsigned software update.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component with update: unsigned.
class DeviceUnsignedUpdateRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
