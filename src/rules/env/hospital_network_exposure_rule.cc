// env-hospital-network-exposure: Exposure to the hospital network. Documented in
// docs/rules/env-hospital-network-exposure.md.
#include "medtra/rules/rule_context.h"
#include "rules/env/env_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "env-hospital-network-exposure";
  info.group = "env";
  info.title = "Exposure to the hospital network";
  info.stride = {"Information disclosure", "Tampering"};
  info.capec = {};
  info.cwe = {refs::kCwe668};
  info.emb3d = {};
  info.detects =
      "A component with a network flow (wifi, ethernet) that sits in a hospital-network zone, or "
      "that is in an intended environment stating network: hospital.";
  info.rationale =
      "A hospital network is shared with thousands of devices and users; any compromised one can "
      "reach the device (IEC 80001-1).";
  info.mitigation =
      "Segment the device into its own zone with a firewall (IEC 62443-3-2 zones and conduits), "
      "authenticate and encrypt every flow, and describe the required network in the disclosure "
      "(MDS2).";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 5.1", "CR 7.7"};
  info.references = {refs::kIec62443_3_2ZonesConduits, "IEC 80001-1:2021"};
  info.exposure = Exposure::kNetwork;
  info.base_likelihood = 1;
  return info;
}

/// A component with a network flow (wifi, ethernet) that sits in a hospital-network zone, or whose
/// intended environment states network: hospital.
class EnvHospitalNetworkExposureRule final : public BuiltinRule {
 public:
  EnvHospitalNetworkExposureRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void EnvHospitalNetworkExposureRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    const EnvironmentProfile& env = context.EnvironmentOf(c);
    const bool hospital = env.network == 2;
    const bool in_zone = context.ZoneKind(c) == "hospital-network";
    if (!hospital && !in_zone) continue;
    for (const uint32_t i : context.index().FlowsAt(c)) {
      const model::Flow& flow = context.flows()[i];
      if (flow.medium != "wifi" && flow.medium != "ethernet") continue;
      Match& m = Fire(out, c.id + " exposed to the hospital network", c, {c.id});
      m.Because(flow.id, "medium", flow.medium);
      if (in_zone) m.Because(c.id, "zone.kind", "hospital-network");
      if (hospital) m.Because(env.network_from, "network", "hospital");
      break;
    }
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeEnvHospitalNetworkExposureRule() {
  return std::make_unique<EnvHospitalNetworkExposureRule>();
}

}  // namespace medtra::rules
