// device-unsigned-update: Unsigned software update. Documented in
// docs/rules/device-unsigned-update.md.
#include "medtra/rules/rule_context.h"
#include "rules/device/device_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "device-unsigned-update";
  info.group = "device";
  info.title = "Unsigned software update";
  info.stride = {"Tampering"};
  info.capec = {refs::kCapec186};
  info.cwe = {refs::kCwe494, {"CWE-347", "Improper Verification of Cryptographic Signature"}};
  info.emb3d = {"TID-211", "TID-213"};
  info.detects = "A component with update: unsigned.";
  info.rationale =
      "The device installs whatever image it is given; malicious firmware takes over the device "
      "for good.";
  info.mitigation =
      "Verify a manufacturer signature before installing any update (update: signed) and protect "
      "the boot chain.";
  info.fda_category = "updatability-patchability";
  info.iec62443 = {"EDR 3.10", "CR 3.4"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 1;
  return info;
}

/// A component with update: unsigned.
class DeviceUnsignedUpdateRule final : public BuiltinRule {
 public:
  DeviceUnsignedUpdateRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void DeviceUnsignedUpdateRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.update == "unsigned")) continue;
    Fire(out, "Unsigned software update of " + c.id, c, {c.id}).Because(c.id, "update", c.update);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeDeviceUnsignedUpdateRule() {
  return std::make_unique<DeviceUnsignedUpdateRule>();
}

}  // namespace medtra::rules
