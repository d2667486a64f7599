// comm-cleartext-phi: Eavesdropping of personal health data. Documented in
// docs/rules/comm-cleartext-phi.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-cleartext-phi";
  info.group = "comm";
  info.title = "Eavesdropping of personal health data";
  info.stride = {"Information disclosure"};
  info.capec = {refs::kCapec157, {"CAPEC-117", "Interception"}};
  info.cwe = {{"CWE-319", "Cleartext Transmission of Sensitive Information"}};
  info.emb3d = {"TID-408"};
  info.detects =
      "A flow on an external or physical medium that carries personal health data with "
      "confidentiality: none.";
  info.rationale =
      "Anyone who can receive the medium reads the patient's data; a breach of personal health "
      "data is also a notifiable data breach (GDPR art. 33/34).";
  info.mitigation =
      "Encrypt the flow (a measure that provides confidentiality: encrypted) with keys unique per "
      "device.";
  info.fda_category = "confidentiality";
  info.iec62443 = {"CR 4.1", "CR 4.3"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow on an external or physical medium that carries personal health data with confidentiality:
/// none.
class CommCleartextPhiRule final : public BuiltinRule {
 public:
  CommCleartextPhiRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommCleartextPhiRule::Check(const RuleContext& context, MatchList& out) const {
  const auto phi = [](const model::Asset& a) { return a.personal_health_data; };
  for (const model::Flow& flow : context.flows()) {
    if (flow.medium == "internal" || flow.confidentiality != "none") continue;
    const std::string assets = CarriedNames(context, flow, phi);
    if (assets.empty()) continue;
    Match& m = FireOnFlow(out, "Eavesdropping of " + assets + " on " + flow.id, flow);
    m.Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "confidentiality", flow.confidentiality);
    CiteCarried(context, flow, phi, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommCleartextPhiRule() {
  return std::make_unique<CommCleartextPhiRule>();
}

}  // namespace medtra::rules
