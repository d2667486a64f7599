// model-flow-carries-nothing: Flow that carries no asset. Documented in
// docs/rules/model-flow-carries-nothing.md.
#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-flow-carries-nothing";
  info.group = "model";
  info.title = "Flow that carries no asset";
  info.stride = {"Information disclosure", "Tampering"};
  info.capec = {};
  info.cwe = {refs::kCwe1059};
  info.emb3d = {};
  info.detects = "A flow with an empty carries list.";
  info.rationale =
      "The data rules look at what a flow carries; a flow that carries nothing escapes "
      "eavesdropping and tampering analysis.";
  info.mitigation = "List the assets the flow carries (carries: [...]).";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {refs::kIec62443_4_1ThreatModel};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// A flow with an empty carries list.
class ModelFlowCarriesNothingRule final : public BuiltinRule {
 public:
  ModelFlowCarriesNothingRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void ModelFlowCarriesNothingRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.carries.empty()) continue;
    Fire(out, "Flow " + flow.id + " carries no asset", flow, {flow.id})
        .Because(flow.id, "carries", "(empty)");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeModelFlowCarriesNothingRule() {
  return std::make_unique<ModelFlowCarriesNothingRule>();
}

}  // namespace medtra::rules
