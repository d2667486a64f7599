// comm-data-tampering: Modification of data in transit. Documented in
// docs/rules/comm-data-tampering.md.
#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-data-tampering";
  info.group = "comm";
  info.title = "Modification of data in transit";
  info.stride = {"Tampering"};
  info.capec = {refs::kCapec94};
  info.cwe = {
      {"CWE-353", "Missing Support for Integrity Check"},
      {"CWE-924",
       "Improper Enforcement of Message Integrity During Transmission in a Communication Channel"}};
  info.emb3d = {"TID-406"};
  info.detects =
      "A flow with integrity: none that carries an asset (not a function) whose protection goals "
      "include integrity.";
  info.rationale =
      "Altered data (measurements, patient records, configuration) is taken as genuine by the "
      "receiver and by the clinicians who rely on it.";
  info.mitigation =
      "Protect the messages with a message authentication code or signature (integrity: mac or "
      "signature).";
  info.fda_category = "code-data-execution-integrity";
  info.iec62443 = {"CR 3.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow with integrity: none that carries an asset (not a function) whose protection goals
/// include integrity.
class CommDataTamperingRule final : public BuiltinRule {
 public:
  CommDataTamperingRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommDataTamperingRule::Check(const RuleContext& context, MatchList& out) const {
  const auto data = [](const model::Asset& a) {
    return a.kind != "function" &&
           std::find(a.protect.begin(), a.protect.end(), "integrity") != a.protect.end();
  };
  for (const model::Flow& flow : context.flows()) {
    if (flow.integrity != "none" || flow.medium == "internal") continue;
    const std::string assets = CarriedNames(context, flow, data);
    if (assets.empty()) continue;
    Match& m = FireOnFlow(out, "Modification of " + assets + " on " + flow.id, flow);
    m.Because(flow.id, "integrity", flow.integrity);
    CiteCarried(context, flow, data, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommDataTamperingRule() {
  return std::make_unique<CommDataTamperingRule>();
}

}  // namespace medtra::rules
