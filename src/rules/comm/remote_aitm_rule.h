// comm-remote-aitm: Adversary in the middle on an internet link.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow over the internet or a cellular network whose endpoints do not authenticate with
/// certificates or signatures.
class CommRemoteAitmRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
