// device-no-user-authentication: Operator not authenticated. Documented in
// docs/rules/device-no-user-authentication.md.
#include "rules/device/no_user_authentication_rule.h"

#include <set>
#include <string_view>

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo DeviceNoUserAuthenticationRule::MakeInfo() {
  RuleInfo info;
  info.id = "device-no-user-authentication";
  info.group = "device";
  info.title = "Operator not authenticated";
  info.stride = {"Spoofing", "Elevation of privilege"};
  info.capec = {{"CAPEC-115", "Authentication Bypass"}};
  info.cwe = {{"CWE-306", "Missing Authentication for Critical Function"}};
  info.detects =
      "A component that users operate (programmer, workstation, mobile app, home monitor, server, "
      "cloud) with credentials: none.";
  info.rationale =
      "Whoever picks up the device (a lost or stolen programmer, an unlocked phone) uses all of "
      "its functions.";
  info.mitigation =
      "Authenticate users before critical functions (credentials: unique), or keep the device "
      "where only authorised staff reach it and say so in the instructions for secure use.";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.1"};
  info.references = {
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

void DeviceNoUserAuthenticationRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.credentials == "none" &&
          std::set<std::string_view>{"programmer", "workstation", "mobile-app", "home-monitor",
                                     "server", "cloud"}
              .contains(c.kind)))
      continue;
    Fire(out, "Anyone who holds " + c.id + " operates it: no user authentication", c, {c.id})
        .Because(c.id, "kind", c.kind)
        .Because(c.id, "credentials", c.credentials);
  }
}

}  // namespace medtra::rules
