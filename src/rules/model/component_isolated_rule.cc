// model-component-isolated: Component without any flow. Documented in
// docs/rules/model-component-isolated.md.
#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-component-isolated";
  info.group = "model";
  info.title = "Component without any flow";
  info.stride = {"Spoofing", "Tampering"};
  info.capec = {};
  info.cwe = {refs::kCwe1059};
  info.emb3d = {};
  info.detects = "A component that is the end of no flow.";
  info.rationale =
      "Every real component has interfaces; one without flows is either not part of the system or "
      "its interfaces are missing from the model, and their threats with them.";
  info.mitigation = "Add the component's flows, or remove it from the model.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {refs::kIec62443_4_1ThreatModel};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// A component that is the end of no flow.
class ModelComponentIsolatedRule final : public BuiltinRule {
 public:
  ModelComponentIsolatedRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void ModelComponentIsolatedRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(context.index().FlowsAt(c).empty())) continue;
    Fire(out, "Component " + c.id + " has no flow: its interfaces are not modelled", c, {c.id})
        .Because(c.id, "flows", "(none)");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeModelComponentIsolatedRule() {
  return std::make_unique<ModelComponentIsolatedRule>();
}

}  // namespace medtra::rules
