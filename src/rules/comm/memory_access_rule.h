// comm-memory-access: Raw memory read/write over an interface.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A flow with memory_access: true whose sender is not authenticated with a key or not authorised
/// (authorization: none).
class CommMemoryAccessRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
