// model-component-attributes-unstated: Security attributes not stated. Documented in
// docs/rules/model-component-attributes-unstated.md.
#include "rules/model/component_attributes_unstated_rule.h"

#include <string_view>
#include <vector>

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo ModelComponentAttributesUnstatedRule::MakeInfo() {
  RuleInfo info;
  info.id = "model-component-attributes-unstated";
  info.group = "model";
  info.title = "Security attributes not stated";
  info.stride = {"Tampering", "Elevation of privilege"};
  info.capec = {};
  info.cwe = {{"CWE-1059", "Insufficient Technical Documentation"}};
  info.detects =
      "A component (other than external or sensor) that does not state debug_port, update, "
      "credentials or keys.";
  info.rationale =
      "The device rules cannot tell whether a debug port, unsigned updates, default credentials or "
      "fleet keys are present; silence is not safety.";
  info.mitigation =
      "State each attribute for the component (debug_port, update, credentials, keys), 'none' "
      "where it does not apply.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {
      "IEC 62443-4-1:2018, SR-2 (threat model: data flows, trust boundaries, interfaces)"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

void ModelComponentAttributesUnstatedRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (c.kind == "external" || c.kind == "sensor") continue;
    std::vector<std::string_view> missing;
    if (c.debug_port.empty()) missing.push_back("debug_port");
    if (c.update.empty()) missing.push_back("update");
    if (c.credentials.empty()) missing.push_back("credentials");
    if (c.keys.empty()) missing.push_back("keys");
    if (missing.empty()) continue;
    std::string list;
    for (const std::string_view key : missing)
      list += (list.empty() ? "" : ", ") + std::string(key);
    Match& m = Fire(out, "Component " + c.id + " does not state " + list, c, {c.id});
    for (const std::string_view key : missing) m.Because(c.id, key, "(unstated)");
  }
}

}  // namespace medtra::rules
