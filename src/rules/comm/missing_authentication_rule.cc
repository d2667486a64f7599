// comm-missing-authentication: Spoofing of an unauthenticated sender. Documented in
// docs/rules/comm-missing-authentication.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-missing-authentication";
  info.group = "comm";
  info.title = "Spoofing of an unauthenticated sender";
  info.stride = {"Spoofing"};
  info.capec = {refs::kCapec151};
  info.cwe = {refs::kCwe306};
  info.emb3d = {"TID-310", "TID-406"};
  info.detects = "A flow on a wireless or network medium with authentication: none.";
  info.rationale =
      "The receiver accepts whatever arrives; anyone on the medium can pose as the sender.";
  info.mitigation =
      "Authenticate the sender with a key (a measure that provides authentication: mac, signature "
      "or certificate).";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.2", "CR 3.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow on a wireless or network medium with authentication: none.
class CommMissingAuthenticationRule final : public BuiltinRule {
 public:
  CommMissingAuthenticationRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommMissingAuthenticationRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.authentication != "none" || !IsExternal(flow.medium)) continue;
    FireOnFlow(out, "Spoofing of " + flow.from + " on " + flow.id + ", which authenticates nobody",
               flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "authentication", flow.authentication);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommMissingAuthenticationRule() {
  return std::make_unique<CommMissingAuthenticationRule>();
}

}  // namespace medtra::rules
