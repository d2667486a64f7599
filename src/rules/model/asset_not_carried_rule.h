// model-asset-not-carried: Asset that no flow carries.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// An asset other than a function that no flow carries.
class ModelAssetNotCarriedRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
