// comm-therapy-no-authorization: Therapy changes without authorisation. Documented in
// docs/rules/comm-therapy-no-authorization.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-therapy-no-authorization";
  info.group = "comm";
  info.title = "Therapy changes without authorisation";
  info.stride = {"Elevation of privilege"};
  info.capec = {{"CAPEC-122", "Privilege Abuse"}};
  info.cwe = {{"CWE-862", "Missing Authorization"}};
  info.emb3d = {};
  info.detects = "A flow with therapy_commands: true and authorization: none.";
  info.rationale =
      "Whoever operates the sender may change therapy; nothing checks that this user may do so.";
  info.mitigation =
      "Check the user's role before a therapy change (a measure that provides authorization: "
      "role-based), and log the change.";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 2.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kPhysical;
  info.base_likelihood = 1;
  return info;
}

/// A flow with therapy_commands: true and authorization: none.
class CommTherapyNoAuthorizationRule final : public BuiltinRule {
 public:
  CommTherapyNoAuthorizationRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommTherapyNoAuthorizationRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.therapy_commands || flow.authorization != "none") continue;
    Fire(out, "Therapy changes on " + flow.id + " without authorisation of the user", flow,
         {flow.id})
        .Because(flow.id, "therapy_commands", "true")
        .Because(flow.id, "authorization", flow.authorization);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommTherapyNoAuthorizationRule() {
  return std::make_unique<CommTherapyNoAuthorizationRule>();
}

}  // namespace medtra::rules
