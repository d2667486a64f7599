// medical-multi-patient-harm: One compromise reaches many patients. Documented in
// docs/rules/medical-multi-patient-harm.md.
#include "medtra/rules/rule_context.h"
#include "rules/medical/medical_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "medical-multi-patient-harm";
  info.group = "medical";
  info.title = "One compromise reaches many patients";
  info.stride = {"Elevation of privilege", "Tampering"};
  info.capec = {};
  info.cwe = {{"CWE-653", "Improper Isolation or Compartmentalization"}};
  info.detects =
      "A component with instances: many (one instance serving many patients or devices) that talks "
      "to a component that serves the patient (one in a zone of kind body, or one that performs an "
      "essential function), or sends therapy commands.";
  info.rationale =
      "A server, gateway or shared programmer that reaches many implants turns one compromise into "
      "harm to many patients at once.";
  info.mitigation =
      "Compartmentalise per patient (keys, sessions and authorisation per device), rate-limit "
      "fleet-wide actions and monitor for mass changes.";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 5.1", "CR 2.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 1;
  return info;
}

/// A component with instances: many (one instance serving many patients or devices) that talks to
/// a component that serves the patient (ServesPatient()), or sends therapy commands.
class MedicalMultiPatientHarmRule final : public BuiltinRule {
 public:
  MedicalMultiPatientHarmRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void MedicalMultiPatientHarmRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (c.instances != "many") continue;
    const model::Flow* reach = nullptr;
    const model::Component* patient = nullptr;  // the far end, when it serves the patient
    for (const uint32_t i : context.index().FlowsAt(c.id)) {
      const model::Flow& flow = context.flows()[i];
      const model::Component* other = context.Component(flow.from == c.id ? flow.to : flow.from);
      if (other != nullptr && ServesPatient(context, *other)) patient = other;
      if (patient != nullptr || (flow.therapy_commands && flow.from == c.id)) {
        reach = &flow;
        break;
      }
    }
    if (reach == nullptr) continue;
    Match& m =
        Fire(out, c.id + " serves many patients: one compromise reaches every device it talks to",
             c, {c.id});
    m.Because(c.id, "instances", c.instances).Because(reach->id, "to", reach->to);
    if (patient != nullptr) CiteServesPatient(context, *patient, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeMedicalMultiPatientHarmRule() {
  return std::make_unique<MedicalMultiPatientHarmRule>();
}

}  // namespace medtra::rules
