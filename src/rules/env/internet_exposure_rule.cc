// env-internet-exposure: Exposure to the internet. Documented in
// docs/rules/env-internet-exposure.md.
#include "medtra/rules/rule_context.h"
#include "rules/env/env_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "env-internet-exposure";
  info.group = "env";
  info.title = "Exposure to the internet";
  info.stride = {"Information disclosure", "Tampering", "Elevation of privilege"};
  info.capec = {{"CAPEC-169", "Footprinting"}};
  info.cwe = {refs::kCwe668};
  info.emb3d = {};
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
  info.references = {refs::kIec62443_3_2ZonesConduits, refs::kFdaControlCategories};
  info.exposure = Exposure::kRemote;
  info.base_likelihood = 1;
  return info;
}

/// A component outside the cloud and internet zones with a flow over the internet, or with a
/// network flow when the intended environment states network: internet.
class EnvInternetExposureRule final : public BuiltinRule {
 public:
  EnvInternetExposureRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void EnvInternetExposureRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    const std::string_view zone = context.ZoneKind(c);
    if (zone == "internet" || zone == "cloud" || c.kind == "cloud") continue;
    const EnvironmentProfile& env = context.EnvironmentOf(c);
    const bool internet = env.network == 3;
    for (const uint32_t i : context.index().FlowsAt(c)) {
      const model::Flow& flow = context.flows()[i];
      if (flow.medium != "internet" && !(internet && IsNetwork(flow.medium))) continue;
      Match& m = Fire(out, c.id + " exposed to the internet", c, {c.id});
      m.Because(flow.id, "medium", flow.medium);
      if (internet) m.Because(env.network_from, "network", "internet");
      break;
    }
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeEnvInternetExposureRule() {
  return std::make_unique<EnvInternetExposureRule>();
}

}  // namespace medtra::rules
