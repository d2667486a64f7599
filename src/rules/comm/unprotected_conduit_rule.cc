// comm-unprotected-conduit: Unprotected conduit between zones. Documented in
// docs/rules/comm-unprotected-conduit.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-unprotected-conduit";
  info.group = "comm";
  info.title = "Unprotected conduit between zones";
  info.stride = {"Tampering", "Spoofing"};
  info.capec = {refs::kCapec94};
  info.cwe = {{"CWE-923", "Improper Restriction of Communication Channel to Intended Endpoints"}};
  info.emb3d = {"TID-406"};
  info.detects =
      "A flow between components in two different zones (an IEC 62443-3-2 conduit) that lacks "
      "key-based authentication or cryptographic integrity.";
  info.rationale =
      "A conduit crosses a trust boundary; what enters a zone through it must be shown to come "
      "from the intended endpoint, unaltered.";
  info.mitigation =
      "Authenticate both endpoints and protect the integrity of the conduit (authentication: mac, "
      "signature or certificate; integrity: mac or signature).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 3.1", "CR 5.1"};
  info.references = {refs::kIec62443_3_2ZonesConduits, refs::kTir57Threats};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow between components in two different zones (an IEC 62443-3-2 conduit) that lacks key-based
/// authentication or cryptographic integrity.
class CommUnprotectedConduitRule final : public BuiltinRule {
 public:
  CommUnprotectedConduitRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommUnprotectedConduitRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    const model::Component* from = context.From(flow);
    const model::Component* to = context.To(flow);
    if (from == nullptr || to == nullptr || from->zone.empty() || to->zone.empty()) continue;
    if (from->zone == to->zone) continue;
    if (IsStrongAuthentication(flow.authentication) && IsStrongIntegrity(flow.integrity)) continue;
    FireOnFlow(
        out, "Unprotected conduit " + flow.id + " between zones " + from->zone + " and " + to->zone,
        flow)
        .Because(from->id, "zone", from->zone)
        .Because(to->id, "zone", to->zone)
        .Because(flow.id, "authentication", flow.authentication)
        .Because(flow.id, "integrity", flow.integrity);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommUnprotectedConduitRule() {
  return std::make_unique<CommUnprotectedConduitRule>();
}

}  // namespace medtra::rules
