// model-flow-carries-nothing: Flow that carries no asset. Documented in
// docs/rules/model-flow-carries-nothing.md.
#include "rules/model/flow_carries_nothing_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo ModelFlowCarriesNothingRule::MakeInfo() {
  RuleInfo info;
  info.id = "model-flow-carries-nothing";
  info.group = "model";
  info.title = "Flow that carries no asset";
  info.stride = {"Information disclosure", "Tampering"};
  info.capec = {};
  info.cwe = {{"CWE-1059", "Insufficient Technical Documentation"}};
  info.detects = "A flow with an empty carries list.";
  info.rationale =
      "The data rules look at what a flow carries; a flow that carries nothing escapes "
      "eavesdropping and tampering analysis.";
  info.mitigation = "List the assets the flow carries (carries: [...]).";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {
      "IEC 62443-4-1:2018, SR-2 (threat model: data flows, trust boundaries, interfaces)"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

void ModelFlowCarriesNothingRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.carries.empty()) continue;
    Fire(out, "Flow " + flow.id + " carries no asset", flow, {flow.id})
        .Because(flow.id, "carries", "(empty)");
  }
}

}  // namespace medtra::rules
