// model-component-no-zone: Component in no zone. Documented in
// docs/rules/model-component-no-zone.md.
#include "rules/model/component_no_zone_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo ModelComponentNoZoneRule::MakeInfo() {
  RuleInfo info;
  info.id = "model-component-no-zone";
  info.group = "model";
  info.title = "Component in no zone";
  info.stride = {"Elevation of privilege"};
  info.capec = {};
  info.cwe = {{"CWE-1059", "Insufficient Technical Documentation"}};
  info.detects = "A component without a zone.";
  info.rationale =
      "Without a zone the trust boundaries around the component are unknown, so conduit threats "
      "cannot be derived for its flows.";
  info.mitigation = "Put the component into a zone (zone: ...).";
  info.fda_category = "";
  info.iec62443 = {"CR 5.1"};
  info.references = {
      "IEC 62443-3-2:2020, ZCR 3.1 (establish zones and conduits)",
      "IEC 62443-4-1:2018, SR-2 (threat model: data flows, trust boundaries, interfaces)"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

void ModelComponentNoZoneRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.zone.empty())) continue;
    Fire(out, "Component " + c.id + " is in no zone: its trust boundaries are unknown", c, {c.id})
        .Because(c.id, "zone", "(unstated)");
  }
}

}  // namespace medtra::rules
