// comm-cleartext-password: Password sent without encryption. Documented in
// docs/rules/comm-cleartext-password.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-cleartext-password";
  info.group = "comm";
  info.title = "Password sent without encryption";
  info.stride = {"Information disclosure", "Spoofing"};
  info.capec = {refs::kCapec157};
  info.cwe = {{"CWE-523", "Unprotected Transport of Credentials"}};
  info.emb3d = {"TID-408"};
  info.detects =
      "A wireless or network flow that authenticates with a password and is not encrypted.";
  info.rationale =
      "The password can be read off the medium and replayed by anyone who received it.";
  info.mitigation =
      "Encrypt the flow (confidentiality: encrypted) or authenticate with keys instead of "
      "passwords.";
  info.fda_category = "authentication";
  info.iec62443 = {"CR 1.7", "CR 4.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A wireless or network flow that authenticates with a password and is not encrypted.
class CommCleartextPasswordRule final : public BuiltinRule {
 public:
  CommCleartextPasswordRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommCleartextPasswordRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (flow.authentication != "password" || flow.confidentiality == "encrypted") continue;
    if (!IsExternal(flow.medium)) continue;
    FireOnFlow(out, "Password of " + flow.from + " readable on " + flow.id, flow)
        .Because(flow.id, "authentication", flow.authentication)
        .Because(flow.id, "confidentiality", flow.confidentiality);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommCleartextPasswordRule() {
  return std::make_unique<CommCleartextPasswordRule>();
}

}  // namespace medtra::rules
