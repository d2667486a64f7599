// env-internet-exposure: Exposure to the internet. Documented in
// docs/rules/env-internet-exposure.md.
#include "rules/env/internet_exposure_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo EnvInternetExposureRule::MakeInfo() {
  RuleInfo info;
  info.id = "env-internet-exposure";
  info.group = "env";
  info.title = "Exposure to the internet";
  info.stride = {"Information disclosure", "Tampering", "Elevation of privilege"};
  info.capec = {{"CAPEC-169", "Footprinting"}};
  info.cwe = {{"CWE-668", "Exposure of Resource to Wrong Sphere"}};
  info.detects =
      "A component outside the cloud and internet zones with a flow over the internet, or with a "
      "network flow when it is in an intended environment stating network: internet.";
  info.rationale =
      "Reachable from the internet, the device is found by scanners within hours and attacked by "
      "anyone, anywhere.";
  info.mitigation =
      "Put a gateway between the device and the internet, allow outbound connections only, "
      "authenticate with certificates and keep the attack surface minimal.";
  info.fda_category = "authorization";
  info.iec62443 = {"NDR 1.13", "CR 7.7"};
  info.references = {
      "IEC 62443-3-2:2020, ZCR 3.1 (establish zones and conduits)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kRemote;
  info.base_likelihood = 1;
  return info;
}

void EnvInternetExposureRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    const std::string_view zone = context.ZoneKind(c.id);
    if (zone == "internet" || zone == "cloud" || c.kind == "cloud") continue;
    const EnvironmentProfile& env = context.EnvironmentOf(c);
    const bool internet = env.network == 3;
    for (const uint32_t i : context.index().FlowsAt(c.id)) {
      const model::Flow& flow = context.flows()[i];
      if (flow.medium != "internet" && !(internet && IsNetwork(flow.medium))) continue;
      Match& m = Fire(out, c.id + " exposed to the internet", c, {c.id});
      m.Because(flow.id, "medium", flow.medium);
      if (internet) m.Because(env.network_from, "network", "internet");
      break;
    }
  }
}

}  // namespace medtra::rules
