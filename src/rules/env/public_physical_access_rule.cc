// env-public-physical-access: Physical tampering where the public has access. Documented in
// docs/rules/env-public-physical-access.md.
#include "medtra/rules/rule_context.h"
#include "rules/env/env_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "env-public-physical-access";
  info.group = "env";
  info.title = "Physical tampering where the public has access";
  info.stride = {"Tampering"};
  info.capec = {{"CAPEC-401", "Physically Hacking Hardware"}};
  info.cwe = {{"CWE-1263", "Improper Physical Access Control"}};
  info.emb3d = {"TID-115"};
  info.detects =
      "A component outside the zones of kind body that is in an intended environment stating "
      "physical_access: public or patient, with a debug port (enabled or disabled) or a flow over "
      "usb or serial.";
  info.rationale =
      "Where patients or the public handle the device unsupervised, its physical interfaces are "
      "open to probing and modification.";
  info.mitigation =
      "Remove or fuse physical interfaces (debug_port: none), add tamper evidence and detection, "
      "authenticate every physical interface.";
  info.fda_category = "code-data-execution-integrity";
  info.iec62443 = {"EDR 3.11", "EDR 2.13"};
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

/// When an intended environment states physical_access: public or patient, a component outside the
/// zones of kind body with a debug port (enabled or disabled) or a flow over usb or serial.
class EnvPublicPhysicalAccessRule final : public BuiltinRule {
 public:
  EnvPublicPhysicalAccessRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void EnvPublicPhysicalAccessRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (context.ZoneKind(c) == "body") continue;  // inside the patient: reached by surgery only
    const EnvironmentProfile& env = context.EnvironmentOf(c);
    if (env.physical < 1) continue;
    const model::Flow* port = nullptr;
    for (const uint32_t i : context.index().FlowsAt(c)) {
      const model::Flow& flow = context.flows()[i];
      if (flow.medium == "usb" || flow.medium == "serial") port = &flow;
    }
    const bool debug = c.debug_port == "enabled" || c.debug_port == "disabled";
    if (port == nullptr && !debug) continue;
    Match& m = Fire(out, "Physical tampering with " + c.id + " by whoever can reach it", c, {c.id});
    m.Because(env.physical_from, "physical_access", env.physical == 2 ? "public" : "patient");
    if (debug) m.Because(c.id, "debug_port", c.debug_port);
    if (port != nullptr) m.Because(port->id, "medium", port->medium);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeEnvPublicPhysicalAccessRule() {
  return std::make_unique<EnvPublicPhysicalAccessRule>();
}

}  // namespace medtra::rules
