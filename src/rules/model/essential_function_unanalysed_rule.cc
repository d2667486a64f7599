// model-essential-function-unanalysed: Essential function that no asset or flow covers. Documented
// in docs/rules/model-essential-function-unanalysed.md.
#include "rules/model/essential_function_unanalysed_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo ModelEssentialFunctionUnanalysedRule::MakeInfo() {
  RuleInfo info;
  info.id = "model-essential-function-unanalysed";
  info.group = "model";
  info.title = "Essential function that no asset or flow covers";
  info.stride = {"Denial of service"};
  info.capec = {};
  info.cwe = {{"CWE-1059", "Insufficient Technical Documentation"}};
  info.detects = "An essential function that no asset names and whose component has no flow.";
  info.rationale =
      "Threats to an essential function are derived through the assets and flows it depends on; "
      "with neither, its availability is not analysed (IEC 62443-4-2 CCSC 1).";
  info.mitigation =
      "Add an asset of kind function naming the essential function, and the flows it needs.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {
      "IEC 62443-4-1:2018, SR-2 (threat model: data flows, trust boundaries, interfaces)",
      "IEC 62443-4-2:2019, CCSC 1 (support of essential functions)"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

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

}  // namespace medtra::rules
