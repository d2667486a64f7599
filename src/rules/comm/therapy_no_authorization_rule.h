// comm-therapy-no-authorization: Therapy changes without authorisation.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with therapy_commands: true and authorization: none.
class CommTherapyNoAuthorizationRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
