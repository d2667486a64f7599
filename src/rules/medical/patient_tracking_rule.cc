// medical-patient-tracking: Tracking a patient by a static radio identifier. Documented in
// docs/rules/medical-patient-tracking.md.
#include "medtra/rules/rule_context.h"
#include "rules/medical/medical_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "medical-patient-tracking";
  info.group = "medical";
  info.title = "Tracking a patient by a static radio identifier";
  info.stride = {"Information disclosure"};
  info.capec = {};
  info.cwe = {refs::kCwe359};
  info.emb3d = {};
  info.detects =
      "A wireless flow with authentication: static-identifier to or from a component that serves "
      "the patient: one in a zone of kind body, or one that performs an essential function.";
  info.rationale =
      "An identifier that never changes and is sent over the air tells a listener that this "
      "patient is near, and that they carry or use this device.";
  info.mitigation =
      "Do not send fixed identifiers in clear; authenticate with keys (authentication: mac) and "
      "use changing or encrypted identifiers.";
  info.fda_category = "confidentiality";
  info.iec62443 = {"CR 4.1"};
  info.references = {refs::kTir57Threats};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

// The end of the flow that serves the patient: one in the body first, else one that performs an
// essential function; null when neither end does.
const model::Component* PatientEnd(const RuleContext& context, const model::Flow& flow) {
  const model::Component* found = nullptr;
  for (const model::Component* c : {context.From(flow), context.To(flow)}) {
    if (c == nullptr || !ServesPatient(context, *c)) continue;
    if (context.ZoneKind(*c) == "body") return c;
    if (found == nullptr) found = c;
  }
  return found;
}

/// A wireless flow with authentication: static-identifier to or from a component that serves the
/// patient (ServesPatient()).
class MedicalPatientTrackingRule final : public BuiltinRule {
 public:
  MedicalPatientTrackingRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void MedicalPatientTrackingRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.authentication != "static-identifier" || !IsWireless(flow.medium)) continue;
    const model::Component* c = PatientEnd(context, flow);
    if (c == nullptr) continue;
    Match& m = FireOnFlow(
        out, "Tracking the patient with " + c->id + " by the static identifier on " + flow.id,
        flow);
    m.Because(flow.id, "authentication", flow.authentication);
    CiteServesPatient(context, *c, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeMedicalPatientTrackingRule() {
  return std::make_unique<MedicalPatientTrackingRule>();
}

}  // namespace medtra::rules
