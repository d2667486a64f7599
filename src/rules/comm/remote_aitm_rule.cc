// comm-remote-aitm: Adversary in the middle on an internet link. Documented in
// docs/rules/comm-remote-aitm.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-remote-aitm";
  info.group = "comm";
  info.title = "Adversary in the middle on an internet link";
  info.stride = {"Tampering", "Information disclosure"};
  info.capec = {refs::kCapec94};
  info.cwe = {{"CWE-300", "Channel Accessible by Non-Endpoint"}};
  info.emb3d = {"TID-406"};
  info.detects =
      "A flow over the internet or a cellular network whose endpoints do not authenticate with "
      "certificates or signatures.";
  info.rationale =
      "On a public network any router on the path can sit between the endpoints; only public-key "
      "authentication tells the real endpoint from the one in the middle.";
  info.mitigation = "Mutually authenticated TLS or an equivalent (authentication: certificate).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.8", "CR 1.9"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kRemote;
  info.base_likelihood = 1;
  return info;
}

/// A flow over the internet or a cellular network whose endpoints do not authenticate with
/// certificates or signatures.
class CommRemoteAitmRule final : public BuiltinRule {
 public:
  CommRemoteAitmRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommRemoteAitmRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.medium != "internet" && flow.medium != "cellular") continue;
    if (flow.authentication == "certificate" || flow.authentication == "signature") continue;
    FireOnFlow(out, "Adversary in the middle on " + flow.id, flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "authentication", flow.authentication);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommRemoteAitmRule() {
  return std::make_unique<CommRemoteAitmRule>();
}

}  // namespace medtra::rules
