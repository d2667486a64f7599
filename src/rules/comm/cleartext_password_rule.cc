// comm-cleartext-password: Password sent without encryption. Documented in
// docs/rules/comm-cleartext-password.md.
#include "rules/comm/cleartext_password_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommCleartextPasswordRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-cleartext-password";
  info.group = "comm";
  info.title = "Password sent without encryption";
  info.stride = {"Information disclosure", "Spoofing"};
  info.capec = {{"CAPEC-157", "Sniffing Attacks"}};
  info.cwe = {{"CWE-523", "Unprotected Transport of Credentials"}};
  info.detects =
      "A wireless or network flow that authenticates with a password and is not encrypted.";
  info.rationale =
      "The password can be read off the medium and replayed by anyone who received it.";
  info.mitigation =
      "Encrypt the flow (confidentiality: encrypted) or authenticate with keys instead of "
      "passwords.";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.7", "CR 4.1"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

void CommCleartextPasswordRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.authentication != "password" || flow.confidentiality == "encrypted") continue;
    if (!IsExternal(flow.medium)) continue;
    FireOnFlow(out, "Password of " + flow.from + " readable on " + flow.id, flow)
        .Because(flow.id, "authentication", flow.authentication)
        .Because(flow.id, "confidentiality", flow.confidentiality);
  }
}

}  // namespace medtra::rules
