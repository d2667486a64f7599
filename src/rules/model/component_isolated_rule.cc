// model-component-isolated: Component without any flow. Documented in
// docs/rules/model-component-isolated.md.
#include "rules/model/component_isolated_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo ModelComponentIsolatedRule::MakeInfo() {
  RuleInfo info;
  info.id = "model-component-isolated";
  info.group = "model";
  info.title = "Component without any flow";
  info.stride = {"Spoofing", "Tampering"};
  info.capec = {};
  info.cwe = {{"CWE-1059", "Insufficient Technical Documentation"}};
  info.detects = "A component that is the end of no flow.";
  info.rationale =
      "Every real component has interfaces; one without flows is either not part of the system or "
      "its interfaces are missing from the model, and their threats with them.";
  info.mitigation = "Add the component's flows, or remove it from the model.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {
      "IEC 62443-4-1:2018, SR-2 (threat model: data flows, trust boundaries, interfaces)"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

void ModelComponentIsolatedRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(context.index().FlowsAt(c.id).empty())) continue;
    Fire(out, "Component " + c.id + " has no flow: its interfaces are not modelled", c, {c.id})
        .Because(c.id, "flows", "(none)");
  }
}

}  // namespace medtra::rules
