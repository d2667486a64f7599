// device-fleet-key: One key for the whole fleet. Documented in docs/rules/device-fleet-key.md.
#include "medtra/rules/rule_context.h"
#include "rules/device/device_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "device-fleet-key";
  info.group = "device";
  info.title = "One key for the whole fleet";
  info.stride = {"Spoofing", "Information disclosure"};
  info.capec = {{"CAPEC-37", "Retrieve Embedded Sensitive Data"}};
  info.cwe = {{"CWE-321", "Use of Hard-coded Cryptographic Key"}};
  info.emb3d = {"TID-328"};
  info.detects = "A component with keys: fleet.";
  info.rationale =
      "A key extracted from one device (or one programmer) decrypts and forges the traffic of "
      "every device of the fleet: a single compromise harms many patients.";
  info.mitigation =
      "Derive a unique key per device (keys: per-device) and keep master keys in the "
      "manufacturer's HSM.";
  info.fda_category = "cryptography";
  info.iec62443 = {"CR 1.14", "CR 4.3"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

/// A component with keys: fleet.
class DeviceFleetKeyRule final : public BuiltinRule {
 public:
  DeviceFleetKeyRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void DeviceFleetKeyRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.keys == "fleet")) continue;
    Fire(out, "Fleet-wide key in " + c.id + ": one extracted key opens every device", c, {c.id})
        .Because(c.id, "keys", c.keys);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeDeviceFleetKeyRule() {
  return std::make_unique<DeviceFleetKeyRule>();
}

}  // namespace medtra::rules
