// model-component-no-zone: Component in no zone. Documented in
// docs/rules/model-component-no-zone.md.
#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-component-no-zone";
  info.group = "model";
  info.title = "Component in no zone";
  info.stride = {"Elevation of privilege"};
  info.capec = {};
  info.cwe = {refs::kCwe1059};
  info.emb3d = {};
  info.detects = "A component without a zone.";
  info.rationale =
      "Without a zone the trust boundaries around the component are unknown, so conduit threats "
      "cannot be derived for its flows.";
  info.mitigation = "Put the component into a zone (zone: ...).";
  info.fda_category = "";
  info.iec62443 = {"CR 5.1"};
  info.references = {refs::kIec62443_3_2ZonesConduits, refs::kIec62443_4_1ThreatModel};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// A component without a zone.
class ModelComponentNoZoneRule final : public BuiltinRule {
 public:
  ModelComponentNoZoneRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void ModelComponentNoZoneRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.zone.empty())) continue;
    Fire(out, "Component " + c.id + " is in no zone: its trust boundaries are unknown", c, {c.id})
        .Because(c.id, "zone", "(unstated)");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeModelComponentNoZoneRule() {
  return std::make_unique<ModelComponentNoZoneRule>();
}

}  // namespace medtra::rules
