// comm-checksum-spoofing: Checksum instead of a cryptographic integrity check. Documented in
// docs/rules/comm-checksum-spoofing.md.
#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-checksum-spoofing";
  info.group = "comm";
  info.title = "Checksum instead of a cryptographic integrity check";
  info.stride = {"Tampering"};
  info.capec = {{"CAPEC-145", "Checksum Spoofing"}};
  info.cwe = {refs::kCwe345};
  info.emb3d = {"TID-406"};
  info.detects =
      "A flow with integrity: crc that carries therapy commands or an asset whose protection goals "
      "include integrity.";
  info.rationale =
      "A CRC detects noise, not attackers: whoever modifies a message recomputes the checksum.";
  info.mitigation =
      "Use a message authentication code or a signature (integrity: mac or signature).";
  info.fda_category = "code-data-execution-integrity";
  info.iec62443 = {"CR 3.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow with integrity: crc that carries therapy commands or an asset whose protection goals
/// include integrity.
class CommChecksumSpoofingRule final : public BuiltinRule {
 public:
  CommChecksumSpoofingRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommChecksumSpoofingRule::Check(const RuleContext& context, MatchList& out) const {
  const auto guarded = [](const model::Asset& a) {
    return std::find(a.protect.begin(), a.protect.end(), "integrity") != a.protect.end();
  };
  for (const model::Flow& flow : context.flows()) {
    if (flow.integrity != "crc") continue;
    if (!flow.therapy_commands && CarriedNames(context, flow, guarded).empty()) continue;
    Match& m = FireOnFlow(out, "Forged checksum on " + flow.id, flow);
    m.Because(flow.id, "integrity", flow.integrity);
    CiteCarried(context, flow, guarded, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommChecksumSpoofingRule() {
  return std::make_unique<CommChecksumSpoofingRule>();
}

}  // namespace medtra::rules
