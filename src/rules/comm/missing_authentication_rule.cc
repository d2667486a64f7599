// comm-missing-authentication: Spoofing of an unauthenticated sender. Documented in
// docs/rules/comm-missing-authentication.md.
#include "rules/comm/missing_authentication_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommMissingAuthenticationRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-missing-authentication";
  info.group = "comm";
  info.title = "Spoofing of an unauthenticated sender";
  info.stride = {"Spoofing"};
  info.capec = {{"CAPEC-151", "Identity Spoofing"}};
  info.cwe = {{"CWE-306", "Missing Authentication for Critical Function"}};
  info.detects = "A flow on a wireless or network medium with authentication: none.";
  info.rationale =
      "The receiver accepts whatever arrives; anyone on the medium can pose as the sender.";
  info.mitigation =
      "Authenticate the sender with a key (a measure that provides authentication: mac, signature "
      "or certificate).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.2", "CR 3.1"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

void CommMissingAuthenticationRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.authentication != "none" || !IsExternal(flow.medium)) continue;
    FireOnFlow(out, "Spoofing of " + flow.from + " on " + flow.id + ", which authenticates nobody",
               flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "authentication", flow.authentication);
  }
}

}  // namespace medtra::rules
