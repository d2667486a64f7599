// comm-therapy-no-authorization: Therapy changes without authorisation. Documented in
// docs/rules/comm-therapy-no-authorization.md.
#include "rules/comm/therapy_no_authorization_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommTherapyNoAuthorizationRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-therapy-no-authorization";
  info.group = "comm";
  info.title = "Therapy changes without authorisation";
  info.stride = {"Elevation of privilege"};
  info.capec = {{"CAPEC-122", "Privilege Abuse"}};
  info.cwe = {{"CWE-862", "Missing Authorization"}};
  info.detects = "A flow with therapy_commands: true and authorization: none.";
  info.rationale =
      "Whoever operates the sender may change therapy; nothing checks that this user may do so.";
  info.mitigation =
      "Check the user's role before a therapy change (a measure that provides authorization: "
      "role-based), and log the change.";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 2.1"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

void CommTherapyNoAuthorizationRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.therapy_commands || flow.authorization != "none") continue;
    Fire(out, "Therapy changes on " + flow.id + " without authorisation of the user", flow,
         {flow.id})
        .Because(flow.id, "therapy_commands", "true")
        .Because(flow.id, "authorization", flow.authorization);
  }
}

}  // namespace medtra::rules
