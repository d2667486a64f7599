// model-environment-unstated: Intended environment not described.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// An intended environment that does not state setting, physical_access, network or operated_by.
class ModelEnvironmentUnstatedRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
