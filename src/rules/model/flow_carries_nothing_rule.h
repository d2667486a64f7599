// model-flow-carries-nothing: Flow that carries no asset.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with an empty carries list.
class ModelFlowCarriesNothingRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
