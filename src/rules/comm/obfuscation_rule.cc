// comm-obfuscation: Obfuscation instead of encryption. Documented in
// docs/rules/comm-obfuscation.md.
#include "rules/comm/obfuscation_rule.h"

#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo CommObfuscationRule::MakeInfo() {
  RuleInfo info;
  info.id = "comm-obfuscation";
  info.group = "comm";
  info.title = "Obfuscation instead of encryption";
  info.stride = {"Information disclosure"};
  info.capec = {{"CAPEC-97", "Cryptanalysis"}};
  info.cwe = {{"CWE-656", "Reliance on Security Through Obscurity"},
              {"CWE-327", "Use of a Broken or Risky Cryptographic Algorithm"}};
  info.detects =
      "A flow with confidentiality: obfuscated that carries personal health data or an asset whose "
      "protection goals include confidentiality.";
  info.rationale =
      "Obfuscation (scrambling, proprietary encodings) is undone once by analysis and then for "
      "every device.";
  info.mitigation = "Use standard encryption with per-device keys (confidentiality: encrypted).";
  info.fda_category = "cryptography";
  info.iec62443 = {"CR 4.3"};
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)",
      "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories"};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

void CommObfuscationRule::Check(const RuleContext& context, MatchList& out) const {
  const auto secret = [](const model::Asset& a) {
    return a.personal_health_data ||
           std::find(a.protect.begin(), a.protect.end(), "confidentiality") != a.protect.end();
  };
  for (const model::Flow& flow : context.flows()) {
    if (flow.confidentiality != "obfuscated") continue;
    const std::string assets = CarriedNames(context, flow, secret);
    if (assets.empty()) continue;
    Match& m = FireOnFlow(out, "Obfuscated, not encrypted: " + assets + " on " + flow.id, flow);
    m.Because(flow.id, "confidentiality", flow.confidentiality);
    CiteCarried(context, flow, secret, m);
  }
}

}  // namespace medtra::rules
