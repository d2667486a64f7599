// model-component-attributes-unstated: Security attributes not stated. Documented in
// docs/rules/model-component-attributes-unstated.md.
#include <string_view>
#include <vector>

#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-component-attributes-unstated";
  info.group = "model";
  info.title = "Security attributes not stated";
  info.stride = {"Tampering", "Elevation of privilege"};
  info.capec = {};
  info.cwe = {refs::kCwe1059};
  info.emb3d = {};
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
  info.references = {refs::kIec62443_4_1ThreatModel};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// A component (other than external or sensor) that does not state debug_port, update, credentials
/// or keys.
class ModelComponentAttributesUnstatedRule final : public BuiltinRule {
 public:
  ModelComponentAttributesUnstatedRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

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

}  // namespace

std::unique_ptr<ThreatRule> MakeModelComponentAttributesUnstatedRule() {
  return std::make_unique<ModelComponentAttributesUnstatedRule>();
}

}  // namespace medtra::rules
