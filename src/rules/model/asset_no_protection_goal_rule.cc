// model-asset-no-protection-goal: Asset without protection goals. Documented in
// docs/rules/model-asset-no-protection-goal.md.
#include "rules/model/asset_no_protection_goal_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo ModelAssetNoProtectionGoalRule::MakeInfo() {
  RuleInfo info;
  info.id = "model-asset-no-protection-goal";
  info.group = "model";
  info.title = "Asset without protection goals";
  info.stride = {"Information disclosure", "Tampering", "Denial of service"};
  info.capec = {};
  info.cwe = {{"CWE-1059", "Insufficient Technical Documentation"}};
  info.detects = "An asset with an empty protect list.";
  info.rationale =
      "Which of confidentiality, integrity and availability matter decides which threats count; "
      "without them the rules that depend on protection goals stay silent.";
  info.mitigation = "State protect: [confidentiality, integrity, availability] as they apply.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

void ModelAssetNoProtectionGoalRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Asset& a : context.model().assets) {
    if (!context.InDesign(a.id)) continue;
    if (!a.protect.empty()) continue;
    Fire(out, "Asset " + a.id + " states no protection goal", a, {a.id})
        .Because(a.id, "protect", "(empty)");
  }
}

}  // namespace medtra::rules
