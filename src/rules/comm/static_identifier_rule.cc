// comm-static-identifier: Spoofing with a static identifier. Documented in
// docs/rules/comm-static-identifier.md.
#include "rules/comm/static_identifier_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommStaticIdentifierRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-static-identifier";
  info.group = "comm";
  info.title = "Spoofing with a static identifier";
  info.stride = {"Spoofing"};
  info.capec = {{"CAPEC-151", "Identity Spoofing"},
                {"CAPEC-21", "Exploitation of Trusted Identifiers"}};
  info.cwe = {{"CWE-290", "Authentication Bypass by Spoofing"},
              {"CWE-294", "Authentication Bypass by Capture-replay"}};
  info.detects =
      "A flow with authentication: static-identifier: the sender proves who it is with an "
      "identifier that travels with every message and never changes.";
  info.rationale =
      "Whoever captures one message learns the identifier and can send messages that the receiver "
      "accepts as genuine; this is the source's scenario for the ICD's telemetry.";
  info.mitigation =
      "Replace the identifier by cryptographic message authentication (a measure that provides "
      "authentication: mac) with per-device keys and freshness.";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.2", "CR 1.14"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 2;
  return info;
}

void CommStaticIdentifierRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.authentication != "static-identifier") continue;
    FireOnFlow(out, "Spoofing of " + flow.from + " with the static identifier on " + flow.id, flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "authentication", flow.authentication);
  }
}

}  // namespace medtra::rules
