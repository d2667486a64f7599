// model-component-isolated: Component without any flow.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component that is the end of no flow.
class ModelComponentIsolatedRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
