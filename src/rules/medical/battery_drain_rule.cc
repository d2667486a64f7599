// medical-battery-drain: Battery depletion by repeated wake-ups. Documented in
// docs/rules/medical-battery-drain.md.
#include "medtra/rules/rule_context.h"
#include "rules/medical/medical_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "medical-battery-drain";
  info.group = "medical";
  info.title = "Battery depletion by repeated wake-ups";
  info.stride = {"Denial of service"};
  info.capec = {refs::kCapec125};
  info.cwe = {{"CWE-400", "Uncontrolled Resource Consumption"},
              {"CWE-799", "Improper Control of Interaction Frequency"}};
  info.emb3d = {};
  info.detects =
      "A wireless or network flow with wakeup: true to a component with wakeup_limit: false.";
  info.rationale =
      "Each wake-up powers the radio of a battery-powered implant; an attacker who keeps waking it "
      "drains the battery and forces early surgery to replace the device.";
  info.mitigation =
      "Limit and authenticate wake-ups on the receiver (wakeup_limit: true), e.g. a wake-up budget "
      "per day and a magnet or near-field gate.";
  info.fda_category = "resiliency-recovery";
  info.iec62443 = {"CR 7.1", "CR 7.2"};
  info.references = {
      refs::kTir57Threats,
      "Halperin et al., Pacemakers and Implantable Cardiac Defibrillators, IEEE S&P 2008"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A wireless or network flow with wakeup: true to a component with wakeup_limit: false.
class MedicalBatteryDrainRule final : public BuiltinRule {
 public:
  MedicalBatteryDrainRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void MedicalBatteryDrainRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.wakeup || !IsExternal(flow.medium)) continue;
    const model::Component* to = context.To(flow);
    if (to == nullptr || to->wakeup_limit) continue;
    Match& m = Fire(out, "Battery depletion of " + to->id + " by repeated wake-ups over " + flow.id,
                    flow, {to->id, flow.id});
    m.exposure = MediumExposure(flow.medium);
    m.Because(flow.id, "wakeup", "true").Because(to->id, "wakeup_limit", "false");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeMedicalBatteryDrainRule() {
  return std::make_unique<MedicalBatteryDrainRule>();
}

}  // namespace medtra::rules
