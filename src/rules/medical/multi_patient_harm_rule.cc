// medical-multi-patient-harm: One compromise reaches many patients. Documented in
// docs/rules/medical-multi-patient-harm.md.
#include <algorithm>
#include <memory>

#include "medtra/base/strings.h"
#include "medtra/paths/attack_graph.h"
#include "medtra/paths/paths.h"
#include "medtra/rules/rule_context.h"
#include "rules/medical/medical_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = std::string(paths::kMultiPatientHarmRule);
  info.group = "medical";
  info.title = "One compromise reaches many patients";
  info.stride = {"Elevation of privilege", "Tampering"};
  info.capec = {};
  info.cwe = {{"CWE-653", "Improper Isolation or Compartmentalization"}};
  info.emb3d = {};
  info.detects =
      "A component with instances: many (one instance serving many patients or devices) whose "
      "compromise reaches, along the attack graph of docs/attack-paths.md, an essential function "
      "of another component or another component that serves the patient: by what its flows "
      "carry, by the therapy commands it sends or relays, or by software it pushes.";
  info.rationale =
      "A server, gateway or shared programmer that reaches many implants turns one compromise into "
      "harm to many patients at once.";
  info.mitigation =
      "Compartmentalise per patient (keys, sessions and authorisation per device), sign software "
      "end to end so that a relay cannot change it, rate-limit fleet-wide actions and monitor for "
      "mass changes.";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 5.1", "CR 2.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 1;
  return info;
}

/// A component with instances: many whose compromise reaches, in the attack graph of the view, an
/// essential function or a patient-serving part of another component (paths::ManyInstanceReaches).
class MedicalMultiPatientHarmRule final : public BuiltinRule {
 public:
  MedicalMultiPatientHarmRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void MedicalMultiPatientHarmRule::Check(const RuleContext& context, MatchList& out) const {
  const auto& components = context.model().components;
  if (std::none_of(components.begin(), components.end(),
                   [](const model::Component& c) { return c.instances == "many"; })) {
    return;
  }
  const std::shared_ptr<const paths::AttackGraph> shared = context.Graph();
  const paths::AttackGraph& graph = *shared;
  for (const paths::Reach& reach : paths::ManyInstanceReaches(graph)) {
    const uint32_t i = reach.component;
    const model::Component& c = components[i];
    if (reach.patient_components.empty()) continue;
    std::vector<std::string> reached;
    for (const uint32_t p : reach.patient_components) reached.push_back(components[p].id);
    Match& m =
        Fire(out, c.id + " serves many patients: one compromise reaches " + Join(reached, ", "), c,
             {c.id});
    m.Because(c.id, "instances", c.instances);
    // The flow of the first step out of the component, and the function it ends at.
    bool first = true;
    for (const uint32_t e : reach.example) {
      const paths::Node& to = graph.nodes()[graph.edges()[e].to];
      const uint32_t on = graph.ComponentOf(graph.edges()[e].to);
      if (first && on != paths::kNone && on != i) {
        first = false;
        for (const uint32_t f : context.index().FlowsAt(c)) {
          const model::Flow& flow = context.flows()[f];
          const std::string& other = flow.from == c.id ? flow.to : flow.from;
          if (other != components[on].id) continue;
          m.Because(flow.id, flow.from == c.id ? "to" : "from", other);
          break;
        }
      }
      if (to.kind == paths::NodeKind::kFunction) {
        const model::EssentialFunction& f = context.model().system.essential_functions[to.element];
        m.Because(f.id, "component", f.component);
      }
    }
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeMedicalMultiPatientHarmRule() {
  return std::make_unique<MedicalMultiPatientHarmRule>();
}

}  // namespace medtra::rules
