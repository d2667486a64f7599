// comm-static-identifier: Spoofing with a static identifier.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with authentication: static-identifier: the sender proves who it is with an identifier
/// that travels with every message and never changes.
class CommStaticIdentifierRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
