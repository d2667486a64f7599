// comm-static-identifier: Spoofing with a static identifier. Documented in
// docs/rules/comm-static-identifier.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-static-identifier";
  info.group = "comm";
  info.title = "Spoofing with a static identifier";
  info.stride = {"Spoofing"};
  info.capec = {refs::kCapec151, {"CAPEC-21", "Exploitation of Trusted Identifiers"}};
  info.cwe = {{"CWE-290", "Authentication Bypass by Spoofing"}, refs::kCwe294};
  info.emb3d = {"TID-221", "TID-406"};
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
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 2;
  return info;
}

/// A flow with authentication: static-identifier: the sender proves who it is with an identifier
/// that travels with every message and never changes.
class CommStaticIdentifierRule final : public BuiltinRule {
 public:
  CommStaticIdentifierRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommStaticIdentifierRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.authentication != "static-identifier") continue;
    FireOnFlow(out, "Spoofing of " + flow.from + " with the static identifier on " + flow.id, flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "authentication", flow.authentication);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommStaticIdentifierRule() {
  return std::make_unique<CommStaticIdentifierRule>();
}

}  // namespace medtra::rules
