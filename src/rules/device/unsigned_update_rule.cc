// device-unsigned-update: Unsigned software update. Documented in
// docs/rules/device-unsigned-update.md.
#include "rules/device/unsigned_update_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo DeviceUnsignedUpdateRule::MakeInfo() {
  RuleInfo info;
  info.id = "device-unsigned-update";
  info.group = "device";
  info.title = "Unsigned software update";
  info.stride = {"Tampering"};
  info.capec = {{"CAPEC-186", "Malicious Software Update"}};
  info.cwe = {{"CWE-494", "Download of Code Without Integrity Check"},
              {"CWE-347", "Improper Verification of Cryptographic Signature"}};
  info.detects = "A component with update: unsigned.";
  info.rationale =
      "The device installs whatever image it is given; malicious firmware takes over the device "
      "for good.";
  info.mitigation =
      "Verify a manufacturer signature before installing any update (update: signed) and protect "
      "the boot chain.";
  info.fda_category = "updatability-patchability";
  info.iec62443 = {"EDR 3.10", "CR 3.4"};
  info.references = {
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 1;
  return info;
}

void DeviceUnsignedUpdateRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.update == "unsigned")) continue;
    Fire(out, "Unsigned software update of " + c.id, c, {c.id}).Because(c.id, "update", c.update);
  }
}

}  // namespace medtra::rules
