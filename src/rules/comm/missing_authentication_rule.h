// comm-missing-authentication: Spoofing of an unauthenticated sender.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow on a wireless or network medium with authentication: none.
class CommMissingAuthenticationRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
