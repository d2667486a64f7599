// env-public-physical-access: Physical tampering where the public has access.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component outside the body that is in an intended environment stating physical_access: public
/// or patient, with a debug port (enabled or disabled) or a flow over usb or serial.
class EnvPublicPhysicalAccessRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
