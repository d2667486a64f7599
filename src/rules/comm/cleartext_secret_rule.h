// comm-cleartext-secret: Secrets sent without encryption.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with confidentiality: none that carries an asset (not personal health data) whose
/// protection goals include confidentiality, such as credentials, keys or configuration.
class CommCleartextSecretRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
