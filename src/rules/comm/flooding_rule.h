// comm-flooding: Flooding of a network link an essential function needs.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A network flow with availability: none to or from a component that performs an essential
/// function, or that carries an asset tied to one.
class CommFloodingRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
