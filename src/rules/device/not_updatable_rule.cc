// device-not-updatable: Software that cannot be updated. Documented in
// docs/rules/device-not-updatable.md.
#include "medtra/rules/rule_context.h"
#include "rules/device/device_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "device-not-updatable";
  info.group = "device";
  info.title = "Software that cannot be updated";
  info.stride = {"Tampering", "Elevation of privilege"};
  info.capec = {};
  info.cwe = {{"CWE-1329", "Reliance on Component That is Not Updateable"}};
  info.emb3d = {"TID-210"};
  info.detects =
      "A component with update: none that runs software (any kind except sensor and external).";
  info.rationale =
      "A vulnerability found after release stays exploitable for the device's lifetime; FDA "
      "expects a plan to update and patch.";
  info.mitigation =
      "Provide a signed update path (update: signed), or document compensating controls and the "
      "end of support.";
  info.fda_category = "updatability-patchability";
  info.iec62443 = {"EDR 3.10"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// A component with update: none that runs software (any kind except sensor and external).
class DeviceNotUpdatableRule final : public BuiltinRule {
 public:
  DeviceNotUpdatableRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void DeviceNotUpdatableRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.update == "none" && c.kind != "sensor" && c.kind != "external")) continue;
    Fire(out, c.id + " cannot receive security updates", c, {c.id})
        .Because(c.id, "update", c.update)
        .Because(c.id, "kind", c.kind);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeDeviceNotUpdatableRule() {
  return std::make_unique<DeviceNotUpdatableRule>();
}

}  // namespace medtra::rules
