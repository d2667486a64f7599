// device-default-credentials: Default credentials. Documented in
// docs/rules/device-default-credentials.md.
#include "rules/device/default_credentials_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo DeviceDefaultCredentialsRule::MakeInfo() {
  RuleInfo info;
  info.id = "device-default-credentials";
  info.group = "device";
  info.title = "Default credentials";
  info.stride = {"Spoofing"};
  info.capec = {{"CAPEC-70", "Try Common or Default Usernames and Passwords"}};
  info.cwe = {{"CWE-1392", "Use of Default Credentials"}};
  info.detects = "A component with credentials: default.";
  info.rationale =
      "Default credentials are published in manuals and tried first by every attacker.";
  info.mitigation = "Force a unique credential at installation (credentials: unique).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.5", "CR 1.7"};
  info.references = {
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 2;
  return info;
}

void DeviceDefaultCredentialsRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.credentials == "default")) continue;
    Fire(out, "Default credentials on " + c.id, c, {c.id})
        .Because(c.id, "credentials", c.credentials);
  }
}

}  // namespace medtra::rules
