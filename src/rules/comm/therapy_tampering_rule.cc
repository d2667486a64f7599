// comm-therapy-tampering: Modification of therapy data. Documented in
// docs/rules/comm-therapy-tampering.md.
#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-therapy-tampering";
  info.group = "comm";
  info.title = "Modification of therapy data";
  info.stride = {"Tampering"};
  info.capec = {refs::kCapec94,
                {"CAPEC-384", "Application API Message Manipulation via Man-in-the-Middle"}};
  info.cwe = {
      refs::kCwe345,
      {"CWE-924",
       "Improper Enforcement of Message Integrity During Transmission in a Communication Channel"}};
  info.emb3d = {"TID-406"};
  info.detects =
      "A flow with integrity: none that carries therapy commands (therapy_commands: true) or an "
      "asset of kind function whose protection goals include integrity.";
  info.rationale =
      "Modified therapy parameters reach the device as if they were genuine: inappropriate "
      "therapy, in the worst case death.";
  info.mitigation =
      "Protect the messages with a message authentication code or signature (a measure that "
      "provides integrity: mac).";
  info.fda_category = "code-data-execution-integrity";
  info.iec62443 = {"CR 3.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories,
                     "ISO 14971:2019, 5.4 (hazardous situations)"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow with integrity: none that carries therapy commands (therapy_commands: true) or an asset
/// of kind function whose protection goals include integrity.
class CommTherapyTamperingRule final : public BuiltinRule {
 public:
  CommTherapyTamperingRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommTherapyTamperingRule::Check(const RuleContext& context, MatchList& out) const {
  const auto therapy = [](const model::Asset& a) {
    return a.kind == "function" &&
           std::find(a.protect.begin(), a.protect.end(), "integrity") != a.protect.end();
  };
  for (const model::Flow& flow : context.flows()) {
    if (flow.integrity != "none" || flow.medium == "internal") continue;
    const std::string assets = CarriedNames(context, flow, therapy);
    if (!flow.therapy_commands && assets.empty()) continue;
    Match& m = FireOnFlow(out, "Modification of therapy data on " + flow.id, flow);
    m.Because(flow.id, "integrity", flow.integrity);
    if (flow.therapy_commands) m.Because(flow.id, "therapy_commands", "true");
    CiteCarried(context, flow, therapy, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommTherapyTamperingRule() {
  return std::make_unique<CommTherapyTamperingRule>();
}

}  // namespace medtra::rules
