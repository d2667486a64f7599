// medical-remote-therapy: Remote access to therapy. Documented in
// docs/rules/medical-remote-therapy.md.
#include "medtra/rules/rule_context.h"
#include "rules/medical/medical_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "medical-remote-therapy";
  info.group = "medical";
  info.title = "Remote access to therapy";
  info.stride = {"Elevation of privilege"};
  info.capec = {{"CAPEC-555", "Remote Services with Stolen Credentials"}};
  info.cwe = {{"CWE-284", "Improper Access Control"}};
  info.emb3d = {};
  info.detects =
      "A flow with therapy_commands: true over the internet or a cellular network, or from a "
      "cloud, "
      "server, database or ehr component or a component in an internet or cloud zone.";
  info.rationale =
      "Remote therapy changes put the patient within reach of any attacker on the internet; one "
      "compromised account or server can reprogram many patients.";
  info.mitigation =
      "Keep therapy changes local (clinic, near-field), or require clinician approval on the "
      "device side, strong authentication and authorisation end to end, and rate limits.";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 2.1", "NDR 1.13"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kRemote;
  info.base_likelihood = 1;
  return info;
}

/// A flow with therapy_commands: true over the internet or a cellular network, or from a remote
/// component (cloud, server, database, ehr, or in an internet or cloud zone).
class MedicalRemoteTherapyRule final : public BuiltinRule {
 public:
  MedicalRemoteTherapyRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void MedicalRemoteTherapyRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.therapy_commands) continue;
    const model::Component* from = context.From(flow);
    const std::string_view zone = from == nullptr ? std::string_view() : context.ZoneKind(*from);
    const bool remote_medium = flow.medium == "internet" || flow.medium == "cellular";
    const bool remote_end =
        (from != nullptr && (from->kind == "cloud" || from->kind == "server" ||
                             from->kind == "database" || from->kind == "ehr")) ||
        zone == "internet" || zone == "cloud";
    if (!remote_medium && !remote_end) continue;
    Match& m = Fire(out, "Remote access to therapy over " + flow.id, flow, {flow.id});
    m.Because(flow.id, "therapy_commands", "true");
    if (remote_medium) m.Because(flow.id, "medium", flow.medium);
    if (from != nullptr && remote_end) m.Because(from->id, "kind", from->kind);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeMedicalRemoteTherapyRule() {
  return std::make_unique<MedicalRemoteTherapyRule>();
}

}  // namespace medtra::rules
