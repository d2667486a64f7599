// medical-phi-on-mobile: Patient data on a mobile device. Documented in
// docs/rules/medical-phi-on-mobile.md.
#include <utility>

#include "medtra/rules/rule_context.h"
#include "rules/medical/medical_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "medical-phi-on-mobile";
  info.group = "medical";
  info.title = "Patient data on a mobile device";
  info.stride = {"Information disclosure"};
  info.capec = {};
  info.cwe = {{"CWE-922", "Insecure Storage of Sensitive Information"}};
  info.emb3d = {};
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
  info.references = {refs::kFdaControlCategories};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

/// A component of kind mobile-app at either end of a flow that carries personal health data.
class MedicalPhiOnMobileRule final : public BuiltinRule {
 public:
  MedicalPhiOnMobileRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void MedicalPhiOnMobileRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Component& c : context.model().components) {
    if (c.kind != "mobile-app") continue;
    const auto phi = [&]() -> std::pair<const model::Flow*, const model::Asset*> {
      for (const uint32_t i : context.index().FlowsAt(c)) {
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

}  // namespace

std::unique_ptr<ThreatRule> MakeMedicalPhiOnMobileRule() {
  return std::make_unique<MedicalPhiOnMobileRule>();
}

}  // namespace medtra::rules
