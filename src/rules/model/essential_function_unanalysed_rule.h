// model-essential-function-unanalysed: Essential function that no asset or flow covers.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// An essential function that no asset names and whose component has no flow.
class ModelEssentialFunctionUnanalysedRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
