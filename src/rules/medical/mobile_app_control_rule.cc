// medical-mobile-app-control: A mobile app in the therapy control path. Documented in
// docs/rules/medical-mobile-app-control.md.
#include "medtra/rules/rule_context.h"
#include "rules/medical/medical_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "medical-mobile-app-control";
  info.group = "medical";
  info.title = "A mobile app in the therapy control path";
  info.stride = {"Elevation of privilege", "Tampering"};
  info.capec = {};
  info.cwe = {{"CWE-1357", "Reliance on Insufficiently Trustworthy Component"}};
  info.emb3d = {"TID-303"};
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
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow with therapy_commands: true that starts or ends at a component of kind mobile-app.
class MedicalMobileAppControlRule final : public BuiltinRule {
 public:
  MedicalMobileAppControlRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

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

}  // namespace

std::unique_ptr<ThreatRule> MakeMedicalMobileAppControlRule() {
  return std::make_unique<MedicalMobileAppControlRule>();
}

}  // namespace medtra::rules
