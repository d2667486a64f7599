// device-shared-credentials: Credentials shared across devices. Documented in
// docs/rules/device-shared-credentials.md.
#include "medtra/rules/rule_context.h"
#include "rules/device/device_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "device-shared-credentials";
  info.group = "device";
  info.title = "Credentials shared across devices";
  info.stride = {"Spoofing"};
  info.capec = {refs::kCapec70};
  info.cwe = {{"CWE-798", "Use of Hard-coded Credentials"}};
  info.emb3d = {"TID-328"};
  info.detects = "A component with credentials: shared.";
  info.rationale =
      "One credential for many devices or users: once known, it opens all of them and no action "
      "can be traced to a person.";
  info.mitigation = "Give every device and user its own credential (credentials: unique).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.1", "CR 1.5"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 1;
  return info;
}

/// A component with credentials: shared.
class DeviceSharedCredentialsRule final : public BuiltinRule {
 public:
  DeviceSharedCredentialsRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void DeviceSharedCredentialsRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.credentials == "shared")) continue;
    Fire(out, "Shared credentials on " + c.id, c, {c.id})
        .Because(c.id, "credentials", c.credentials);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeDeviceSharedCredentialsRule() {
  return std::make_unique<DeviceSharedCredentialsRule>();
}

}  // namespace medtra::rules
