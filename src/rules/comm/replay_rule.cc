// comm-replay: Replay of captured messages. Documented in docs/rules/comm-replay.md.
#include "rules/comm/replay_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommReplayRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-replay";
  info.group = "comm";
  info.title = "Replay of captured messages";
  info.stride = {"Tampering", "Spoofing"};
  info.capec = {{"CAPEC-60", "Reusing Session IDs (aka Session Replay)"}};
  info.cwe = {{"CWE-294", "Authentication Bypass by Capture-replay"}};
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
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

void CommReplayRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.freshness != "none" || !IsExternal(flow.medium)) continue;
    if (flow.carries.empty() && !flow.therapy_commands) continue;
    FireOnFlow(out, "Replay of captured messages on " + flow.id, flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "freshness", flow.freshness);
  }
}

}  // namespace medtra::rules
