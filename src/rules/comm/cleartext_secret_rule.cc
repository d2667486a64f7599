// comm-cleartext-secret: Secrets sent without encryption. Documented in
// docs/rules/comm-cleartext-secret.md.
#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-cleartext-secret";
  info.group = "comm";
  info.title = "Secrets sent without encryption";
  info.stride = {"Information disclosure"};
  info.capec = {refs::kCapec157};
  info.cwe = {{"CWE-311", "Missing Encryption of Sensitive Data"}};
  info.emb3d = {"TID-408"};
  info.detects =
      "A flow with confidentiality: none that carries an asset (not personal health data) whose "
      "protection goals include confidentiality, such as credentials, keys or configuration.";
  info.rationale =
      "A captured credential or key opens further attacks on the device and often on the whole "
      "fleet.";
  info.mitigation =
      "Encrypt the flow (confidentiality: encrypted), or keep the secret off the flow.";
  info.fda_category = "confidentiality";
  info.iec62443 = {"CR 4.1", "CR 1.5"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow with confidentiality: none that carries an asset (not personal health data) whose
/// protection goals include confidentiality, such as credentials, keys or configuration.
class CommCleartextSecretRule final : public BuiltinRule {
 public:
  CommCleartextSecretRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommCleartextSecretRule::Check(const RuleContext& context, MatchList& out) const {
  const auto secret = [](const model::Asset& a) {
    return !a.personal_health_data &&
           std::find(a.protect.begin(), a.protect.end(), "confidentiality") != a.protect.end();
  };
  for (const model::Flow& flow : context.flows()) {
    if (flow.medium == "internal" || flow.confidentiality != "none") continue;
    const std::string assets = CarriedNames(context, flow, secret);
    if (assets.empty()) continue;
    Match& m = FireOnFlow(out, "Disclosure of " + assets + " sent in clear on " + flow.id, flow);
    m.Because(flow.id, "confidentiality", flow.confidentiality);
    CiteCarried(context, flow, secret, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommCleartextSecretRule() {
  return std::make_unique<CommCleartextSecretRule>();
}

}  // namespace medtra::rules
