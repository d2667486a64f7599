// comm-jamming: Jamming or denial of a wireless link an essential function needs.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A wireless flow without redundancy (availability: none or retry) that carries therapy commands,
/// an asset tied to an essential function or an asset whose protection goals include availability.
class CommJammingRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
