// comm-firmware-unsigned-channel: Firmware over a channel without signatures.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow that carries an asset of kind firmware with integrity other than signature.
class CommFirmwareUnsignedChannelRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
