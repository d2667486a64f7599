// medical-remote-therapy: Remote access to therapy.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with therapy_commands: true over the internet or a cellular network, or from a cloud or
/// server component or a component in an internet or cloud zone.
class MedicalRemoteTherapyRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
