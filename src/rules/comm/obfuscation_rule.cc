// comm-obfuscation: Obfuscation instead of encryption. Documented in
// docs/rules/comm-obfuscation.md.
#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-obfuscation";
  info.group = "comm";
  info.title = "Obfuscation instead of encryption";
  info.stride = {"Information disclosure"};
  info.capec = {{"CAPEC-97", "Cryptanalysis"}};
  info.cwe = {{"CWE-656", "Reliance on Security Through Obscurity"},
              {"CWE-327", "Use of a Broken or Risky Cryptographic Algorithm"}};
  info.emb3d = {"TID-408", "TID-411"};
  info.detects =
      "A flow with confidentiality: obfuscated that carries personal health data or an asset whose "
      "protection goals include confidentiality.";
  info.rationale =
      "Obfuscation (scrambling, proprietary encodings) is undone once by analysis and then for "
      "every device.";
  info.mitigation = "Use standard encryption with per-device keys (confidentiality: encrypted).";
  info.fda_category = "cryptography";
  info.iec62443 = {"CR 4.3"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow with confidentiality: obfuscated that carries personal health data or an asset whose
/// protection goals include confidentiality.
class CommObfuscationRule final : public BuiltinRule {
 public:
  CommObfuscationRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

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

}  // namespace

std::unique_ptr<ThreatRule> MakeCommObfuscationRule() {
  return std::make_unique<CommObfuscationRule>();
}

}  // namespace medtra::rules
