// comm-checksum-spoofing: Checksum instead of a cryptographic integrity check.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with integrity: crc that carries therapy commands or an asset whose protection goals
/// include integrity.
class CommChecksumSpoofingRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
