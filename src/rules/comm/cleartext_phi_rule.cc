// comm-cleartext-phi: Eavesdropping of personal health data. Documented in
// docs/rules/comm-cleartext-phi.md.
#include "rules/comm/cleartext_phi_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommCleartextPhiRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-cleartext-phi";
  info.group = "comm";
  info.title = "Eavesdropping of personal health data";
  info.stride = {"Information disclosure"};
  info.capec = {{"CAPEC-157", "Sniffing Attacks"}, {"CAPEC-117", "Interception"}};
  info.cwe = {{"CWE-319", "Cleartext Transmission of Sensitive Information"}};
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
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

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

}  // namespace medtra::rules
