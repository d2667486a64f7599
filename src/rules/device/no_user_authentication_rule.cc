// device-no-user-authentication: Operator not authenticated. Documented in
// docs/rules/device-no-user-authentication.md.
#include <string_view>

#include "medtra/rules/rule_context.h"
#include "rules/device/device_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "device-no-user-authentication";
  info.group = "device";
  info.title = "Operator not authenticated";
  info.stride = {"Spoofing", "Elevation of privilege"};
  info.capec = {{"CAPEC-115", "Authentication Bypass"}};
  info.cwe = {refs::kCwe306};
  info.emb3d = {};
  info.detects =
      "A component that users operate (programmer, workstation, mobile app, home monitor, hub, "
      "server, database, ehr, cloud, and the devices a clinician or patient operates: infusion "
      "pump, insulin pump, ventilator, patient monitor, imaging) with credentials: none.";
  info.rationale =
      "Whoever picks up the device (a lost or stolen programmer, an unlocked phone) uses all of "
      "its functions.";
  info.mitigation =
      "Authenticate users before critical functions (credentials: unique), or keep the device "
      "where only authorised staff reach it and say so in the instructions for secure use.";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.1"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

/// A component that users operate with credentials: none.
class DeviceNoUserAuthenticationRule final : public BuiltinRule {
 public:
  DeviceNoUserAuthenticationRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void DeviceNoUserAuthenticationRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (!(c.credentials == "none" && OperatedByUsers(c.kind))) continue;
    Fire(out, "Anyone who holds " + c.id + " operates it: no user authentication", c, {c.id})
        .Because(c.id, "kind", c.kind)
        .Because(c.id, "credentials", c.credentials);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeDeviceNoUserAuthenticationRule() {
  return std::make_unique<DeviceNoUserAuthenticationRule>();
}

}  // namespace medtra::rules
