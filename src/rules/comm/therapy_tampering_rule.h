// comm-therapy-tampering: Modification of therapy data.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with integrity: none that carries therapy commands (therapy_commands: true) or an asset
/// of kind function whose protection goals include integrity.
class CommTherapyTamperingRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
