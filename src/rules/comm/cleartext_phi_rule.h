// comm-cleartext-phi: Eavesdropping of personal health data.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow on an external or physical medium that carries personal health data with confidentiality:
/// none.
class CommCleartextPhiRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
