// comm-therapy-tampering: Modification of therapy data. Documented in
// docs/rules/comm-therapy-tampering.md.
#include "rules/comm/therapy_tampering_rule.h"

#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommTherapyTamperingRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-therapy-tampering";
  info.group = "comm";
  info.title = "Modification of therapy data";
  info.stride = {"Tampering"};
  info.capec = {{"CAPEC-94", "Adversary in the Middle (AiTM)"},
                {"CAPEC-384", "Application API Message Manipulation via Man-in-the-Middle"}};
  info.cwe = {
      {"CWE-345", "Insufficient Verification of Data Authenticity"},
      {"CWE-924",
       "Improper Enforcement of Message Integrity During Transmission in a Communication Channel"}};
  info.detects =
      "A flow with integrity: none that carries therapy commands (therapy_commands: true) or an "
      "asset of kind function whose protection goals include integrity.";
  info.rationale =
      "Modified therapy parameters reach the device as if they were genuine: inappropriate "
      "therapy, in the worst case death.";
  info.mitigation =
      "Protect the messages with a message authentication code or signature (a measure that "
      "provides integrity: mac).";
  info.fda_category = "code-data-execution-integrity";
  info.iec62443 = {"CR 3.1"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories",
      "ISO 14971:2019, 5.4 (hazardous situations)"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

void CommTherapyTamperingRule::Check(const RuleContext& context, MatchList& out) const {
  const auto therapy = [](const model::Asset& a) {
    return a.kind == "function" &&
           std::find(a.protect.begin(), a.protect.end(), "integrity") != a.protect.end();
  };
  for (const model::Flow& flow : context.flows()) {
    if (flow.integrity != "none" || flow.medium == "internal") continue;
    const std::string assets = CarriedNames(context, flow, therapy);
    if (!flow.therapy_commands && assets.empty()) continue;
    Match& m = FireOnFlow(out, "Modification of therapy data on " + flow.id, flow);
    m.Because(flow.id, "integrity", flow.integrity);
    if (flow.therapy_commands) m.Because(flow.id, "therapy_commands", "true");
    CiteCarried(context, flow, therapy, m);
  }
}

}  // namespace medtra::rules
