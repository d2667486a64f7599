// model-phi-confidentiality-goal: Personal health data without a confidentiality goal. Documented
// in docs/rules/model-phi-confidentiality-goal.md.
#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-phi-confidentiality-goal";
  info.group = "model";
  info.title = "Personal health data without a confidentiality goal";
  info.stride = {"Information disclosure"};
  info.capec = {};
  info.cwe = {refs::kCwe359};
  info.emb3d = {};
  info.detects =
      "An asset with personal_health_data: true whose protect list lacks confidentiality.";
  info.rationale =
      "Personal health data always needs confidentiality (GDPR art. 9 and 32, HIPAA); a model that "
      "omits it misstates the asset.";
  info.mitigation = "Add confidentiality to the asset's protect list.";
  info.fda_category = "confidentiality";
  info.iec62443 = {"CR 4.1"};
  info.references = {refs::kTir57Threats};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// An asset with personal_health_data: true whose protect list lacks confidentiality.
class ModelPhiConfidentialityGoalRule final : public BuiltinRule {
 public:
  ModelPhiConfidentialityGoalRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void ModelPhiConfidentialityGoalRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Asset& a : context.model().assets) {
    if (!context.InDesign(a.id)) continue;
    if (!a.personal_health_data) continue;
    if (std::find(a.protect.begin(), a.protect.end(), "confidentiality") != a.protect.end()) {
      continue;
    }
    Fire(out, "Personal health data " + a.id + " without a confidentiality goal", a, {a.id})
        .Because(a.id, "personal_health_data", "true");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeModelPhiConfidentialityGoalRule() {
  return std::make_unique<ModelPhiConfidentialityGoalRule>();
}

}  // namespace medtra::rules
