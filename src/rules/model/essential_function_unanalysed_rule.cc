// model-essential-function-unanalysed: Essential function that no asset or flow covers. Documented
// in docs/rules/model-essential-function-unanalysed.md.
#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-essential-function-unanalysed";
  info.group = "model";
  info.title = "Essential function that no asset or flow covers";
  info.stride = {"Denial of service"};
  info.capec = {};
  info.cwe = {refs::kCwe1059};
  info.emb3d = {};
  info.detects = "An essential function that no asset names and whose component has no flow.";
  info.rationale =
      "Threats to an essential function are derived through the assets and flows it depends on; "
      "with neither, its availability is not analysed (IEC 62443-4-2 CCSC 1).";
  info.mitigation =
      "Add an asset of kind function naming the essential function, and the flows it needs.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {refs::kIec62443_4_1ThreatModel, refs::kIec62443_4_2EssentialFunctions};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// An essential function that no asset names and whose component has no flow.
class ModelEssentialFunctionUnanalysedRule final : public BuiltinRule {
 public:
  ModelEssentialFunctionUnanalysedRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void ModelEssentialFunctionUnanalysedRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::EssentialFunction& f : context.model().system.essential_functions) {
    if (context.index().IsNamedByAsset(f.id) || !context.index().FlowsAt(f.component).empty()) {
      continue;
    }
    Fire(out, "Essential function " + f.id + " is covered by no asset and no flow", f, {f.id})
        .Because(f.id, "component", f.component)
        .Because(f.component, "flows", "(none)");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeModelEssentialFunctionUnanalysedRule() {
  return std::make_unique<ModelEssentialFunctionUnanalysedRule>();
}

}  // namespace medtra::rules
