// comm-memory-access: Raw memory read/write over an interface. Documented in
// docs/rules/comm-memory-access.md.
#include "rules/comm/memory_access_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommMemoryAccessRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-memory-access";
  info.group = "comm";
  info.title = "Raw memory read/write over an interface";
  info.stride = {"Tampering", "Information disclosure", "Elevation of privilege"};
  info.capec = {{"CAPEC-121", "Exploit Non-Production Interfaces"}};
  info.cwe = {{"CWE-749", "Exposed Dangerous Method or Function"}};
  info.detects =
      "A flow with memory_access: true whose sender is not authenticated with a key or not "
      "authorised (authorization: none).";
  info.rationale =
      "Reading and writing device memory bypasses every check of the firmware: data, keys and "
      "therapy parameters are open.";
  info.mitigation =
      "Remove raw memory access from production interfaces, or restrict it to authenticated, "
      "authorised service roles (authentication: certificate, authorization: role-based).";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 2.1", "EDR 2.13"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

void CommMemoryAccessRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.memory_access) continue;
    if (IsStrongAuthentication(flow.authentication) && flow.authorization != "none") continue;
    FireOnFlow(out, "Raw memory read/write over " + flow.id, flow)
        .Because(flow.id, "memory_access", "true")
        .Because(flow.id, "authentication", flow.authentication)
        .Because(flow.id, "authorization", flow.authorization);
  }
}

}  // namespace medtra::rules
