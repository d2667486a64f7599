// comm-cleartext-password: Password sent without encryption.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A wireless or network flow that authenticates with a password and is not encrypted.
class CommCleartextPasswordRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
