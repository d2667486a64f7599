// comm-unprotected-conduit: Unprotected conduit between zones.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow between components in two different zones (an IEC 62443-3-2 conduit) that lacks key-based
/// authentication or cryptographic integrity.
class CommUnprotectedConduitRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
