// device-default-credentials: Default credentials. Documented in
// docs/rules/device-default-credentials.md.
#include "medtra/rules/rule_context.h"
#include "rules/device/device_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "device-default-credentials";
  info.group = "device";
  info.title = "Default credentials";
  info.stride = {"Spoofing"};
  info.capec = {refs::kCapec70};
  info.cwe = {{"CWE-1392", "Use of Default Credentials"}};
  info.emb3d = {"TID-311"};
  info.detects = "A component with credentials: default.";
  info.rationale =
      "Default credentials are published in manuals and tried first by every attacker.";
  info.mitigation = "Force a unique credential at installation (credentials: unique).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.5", "CR 1.7"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 2;
  return info;
}

/// A component with credentials: default.
class DeviceDefaultCredentialsRule final : public BuiltinRule {
 public:
  DeviceDefaultCredentialsRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void DeviceDefaultCredentialsRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.credentials == "default")) continue;
    Fire(out, "Default credentials on " + c.id, c, {c.id})
        .Because(c.id, "credentials", c.credentials);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeDeviceDefaultCredentialsRule() {
  return std::make_unique<DeviceDefaultCredentialsRule>();
}

}  // namespace medtra::rules
