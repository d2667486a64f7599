// model-component-attributes-unstated: Security attributes not stated.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A component (other than external or sensor) that does not state debug_port, update, credentials
/// or keys.
class ModelComponentAttributesUnstatedRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
