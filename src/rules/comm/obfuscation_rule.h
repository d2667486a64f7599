// comm-obfuscation: Obfuscation instead of encryption.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with confidentiality: obfuscated that carries personal health data or an asset whose
/// protection goals include confidentiality.
class CommObfuscationRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
