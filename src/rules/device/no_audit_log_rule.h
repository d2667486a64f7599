// device-no-audit-log: No audit log of security events.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component with audit_log: false that receives therapy commands or memory access, or that is
/// operated by users (programmer, workstation, server, cloud, gateway, home monitor).
class DeviceNoAuditLogRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
