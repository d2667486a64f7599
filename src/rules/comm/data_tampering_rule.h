// comm-data-tampering: Modification of data in transit.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with integrity: none that carries an asset (not a function) whose protection goals
/// include integrity.
class CommDataTamperingRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
