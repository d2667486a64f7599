// comm-remote-aitm: Adversary in the middle on an internet link. Documented in
// docs/rules/comm-remote-aitm.md.
#include "rules/comm/remote_aitm_rule.h"

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommRemoteAitmRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-remote-aitm";
  info.group = "comm";
  info.title = "Adversary in the middle on an internet link";
  info.stride = {"Tampering", "Information disclosure"};
  info.capec = {{"CAPEC-94", "Adversary in the Middle (AiTM)"}};
  info.cwe = {{"CWE-300", "Channel Accessible by Non-Endpoint"}};
  info.detects =
      "A flow over the internet or a cellular network whose endpoints do not authenticate with "
      "certificates or signatures.";
  info.rationale =
      "On a public network any router on the path can sit between the endpoints; only public-key "
      "authentication tells the real endpoint from the one in the middle.";
  info.mitigation = "Mutually authenticated TLS or an equivalent (authentication: certificate).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.8", "CR 1.9"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kRemote;
  info.base_likelihood = 1;
  return info;
}

void CommRemoteAitmRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.medium != "internet" && flow.medium != "cellular") continue;
    if (flow.authentication == "certificate" || flow.authentication == "signature") continue;
    FireOnFlow(out, "Adversary in the middle on " + flow.id, flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "authentication", flow.authentication);
  }
}

}  // namespace medtra::rules
