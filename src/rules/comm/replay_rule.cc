// comm-replay: Replay of captured messages. Documented in docs/rules/comm-replay.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-replay";
  info.group = "comm";
  info.title = "Replay of captured messages";
  info.stride = {"Tampering", "Spoofing"};
  info.capec = {{"CAPEC-60", "Reusing Session IDs (aka Session Replay)"}};
  info.cwe = {refs::kCwe294};
  info.emb3d = {"TID-221", "TID-407"};
  info.detects =
      "A wireless or network flow with freshness: none that carries an asset or therapy commands.";
  info.rationale =
      "A recorded message, even an authenticated one, can be sent again later and is accepted: an "
      "old therapy setting is restored, a command repeated.";
  info.mitigation =
      "Make every message unique (a measure that provides freshness: counter, timestamp or nonce) "
      "inside the authenticated part.";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 3.8", "CR 3.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A wireless or network flow with freshness: none that carries an asset or therapy commands.
class CommReplayRule final : public BuiltinRule {
 public:
  CommReplayRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommReplayRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.freshness != "none" || !IsExternal(flow.medium)) continue;
    if (flow.carries.empty() && !flow.therapy_commands) continue;
    FireOnFlow(out, "Replay of captured messages on " + flow.id, flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "freshness", flow.freshness);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommReplayRule() { return std::make_unique<CommReplayRule>(); }

}  // namespace medtra::rules
