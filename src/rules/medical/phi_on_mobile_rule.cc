// medical-phi-on-mobile: Patient data on a mobile device. Documented in
// docs/rules/medical-phi-on-mobile.md.
#include "rules/medical/phi_on_mobile_rule.h"

#include <utility>

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo MedicalPhiOnMobileRule::MakeInfo() {
  RuleInfo info;
  info.id = "medical-phi-on-mobile";
  info.group = "medical";
  info.title = "Patient data on a mobile device";
  info.stride = {"Information disclosure"};
  info.capec = {};
  info.cwe = {{"CWE-922", "Insecure Storage of Sensitive Information"}};
  info.detects =
      "A component of kind mobile-app at either end of a flow that carries personal health data.";
  info.rationale =
      "Phones are lost, shared, backed up to third-party clouds and run other apps: patient data "
      "on them leaves the manufacturer's control.";
  info.mitigation =
      "Keep patient data off the phone or encrypt it at rest with keys in the platform keystore; "
      "document it in the instructions for secure use.";
  info.fda_category = "confidentiality";
  info.iec62443 = {"CR 4.1", "CR 4.2"};
  info.references = {
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

void MedicalPhiOnMobileRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (c.kind != "mobile-app") continue;
    const auto phi = [&]() -> std::pair<const model::Flow*, const model::Asset*> {
      for (const uint32_t i : context.index().FlowsAt(c.id)) {
        const model::Flow& flow = context.flows()[i];
        for (const std::string& id : flow.carries) {
          const model::Asset* asset = context.Asset(id);
          if (asset != nullptr && asset->personal_health_data) return {&flow, asset};
        }
      }
      return {nullptr, nullptr};
    }();
    if (phi.first == nullptr) continue;
    Fire(out, "Patient data on mobile app " + c.id, c, {c.id})
        .Because(c.id, "kind", c.kind)
        .Because(phi.first->id, "carries", phi.second->id);
  }
}

}  // namespace medtra::rules
