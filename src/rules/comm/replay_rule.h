// comm-replay: Replay of captured messages.
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// A wireless or network flow with freshness: none that carries an asset or therapy commands.
class CommReplayRule final : public ThreatRule {
 public:
  const RuleInfo& Info() const override { return info_; }
  void Check(const RuleContext& context, MatchList& out) const override;

 private:
  static RuleInfo MakeInfo();
  RuleInfo info_ = MakeInfo();
};

}  // namespace medtra::rules
