// model-asset-no-protection-goal: Asset without protection goals. Documented in
// docs/rules/model-asset-no-protection-goal.md.
#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-asset-no-protection-goal";
  info.group = "model";
  info.title = "Asset without protection goals";
  info.stride = {"Information disclosure", "Tampering", "Denial of service"};
  info.capec = {};
  info.cwe = {refs::kCwe1059};
  info.emb3d = {};
  info.detects = "An asset with an empty protect list.";
  info.rationale =
      "Which of confidentiality, integrity and availability matter decides which threats count; "
      "without them the rules that depend on protection goals stay silent.";
  info.mitigation = "State protect: [confidentiality, integrity, availability] as they apply.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {refs::kTir57Threats};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// An asset with an empty protect list.
class ModelAssetNoProtectionGoalRule final : public BuiltinRule {
 public:
  ModelAssetNoProtectionGoalRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void ModelAssetNoProtectionGoalRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Asset& a : context.model().assets) {
    if (!context.InDesign(a.id)) continue;
    if (!a.protect.empty()) continue;
    Fire(out, "Asset " + a.id + " states no protection goal", a, {a.id})
        .Because(a.id, "protect", "(empty)");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeModelAssetNoProtectionGoalRule() {
  return std::make_unique<ModelAssetNoProtectionGoalRule>();
}

}  // namespace medtra::rules
