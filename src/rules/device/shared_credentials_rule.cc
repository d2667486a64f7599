// device-shared-credentials: Credentials shared across devices. Documented in
// docs/rules/device-shared-credentials.md.
#include "rules/device/shared_credentials_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo DeviceSharedCredentialsRule::MakeInfo() {
  RuleInfo info;
  info.id = "device-shared-credentials";
  info.group = "device";
  info.title = "Credentials shared across devices";
  info.stride = {"Spoofing"};
  info.capec = {{"CAPEC-70", "Try Common or Default Usernames and Passwords"}};
  info.cwe = {{"CWE-798", "Use of Hard-coded Credentials"}};
  info.detects = "A component with credentials: shared.";
  info.rationale =
      "One credential for many devices or users: once known, it opens all of them and no action "
      "can be traced to a person.";
  info.mitigation = "Give every device and user its own credential (credentials: unique).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.1", "CR 1.5"};
  info.references = {
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 1;
  return info;
}

void DeviceSharedCredentialsRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.credentials == "shared")) continue;
    Fire(out, "Shared credentials on " + c.id, c, {c.id})
        .Because(c.id, "credentials", c.credentials);
  }
}

}  // namespace medtra::rules
