// medical-mobile-app-control: A mobile app in the therapy control path. Documented in
// docs/rules/medical-mobile-app-control.md.
#include "rules/medical/mobile_app_control_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo MedicalMobileAppControlRule::MakeInfo() {
  RuleInfo info;
  info.id = "medical-mobile-app-control";
  info.group = "medical";
  info.title = "A mobile app in the therapy control path";
  info.stride = {"Elevation of privilege", "Tampering"};
  info.capec = {};
  info.cwe = {{"CWE-1357", "Reliance on Insufficiently Trustworthy Component"}};
  info.detects =
      "A flow with therapy_commands: true that starts or ends at a component of kind mobile-app.";
  info.rationale =
      "A phone runs other apps, is lost, rooted and updated outside the manufacturer's control; in "
      "the therapy path it becomes the weakest link to the patient.";
  info.mitigation =
      "Keep therapy changes out of the app, or have the device verify commands end to end from an "
      "authorised source (signature) and bound what the app may change.";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 2.1", "CR 3.4"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

void MedicalMobileAppControlRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.therapy_commands) continue;
    for (const std::string* end : {&flow.from, &flow.to}) {
      const model::Component* c = context.Component(*end);
      if (c == nullptr || c->kind != "mobile-app") continue;
      FireOnFlow(out, "Mobile app " + c->id + " in the therapy control path (" + flow.id + ")",
                 flow)
          .Because(c->id, "kind", c->kind)
          .Because(flow.id, "therapy_commands", "true");
      break;
    }
  }
}

}  // namespace medtra::rules
