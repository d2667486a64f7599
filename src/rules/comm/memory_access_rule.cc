// comm-memory-access: Raw memory read/write over an interface. Documented in
// docs/rules/comm-memory-access.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-memory-access";
  info.group = "comm";
  info.title = "Raw memory read/write over an interface";
  info.stride = {"Tampering", "Information disclosure", "Elevation of privilege"};
  info.capec = {refs::kCapec121};
  info.cwe = {{"CWE-749", "Exposed Dangerous Method or Function"}};
  info.emb3d = {"TID-224"};
  info.detects =
      "A flow with memory_access: true whose sender is not authenticated with a key or not "
      "authorised (authorization: none).";
  info.rationale =
      "Reading and writing device memory bypasses every check of the firmware: data, keys and "
      "therapy parameters are open.";
  info.mitigation =
      "Remove raw memory access from production interfaces, or restrict it to authenticated, "
      "authorised service roles (authentication: certificate, authorization: role-based).";
  info.fda_category = "authorization";
  info.iec62443 = {"CR 2.1", "EDR 2.13"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A flow with memory_access: true whose sender is not authenticated with a key or not authorised
/// (authorization: none).
class CommMemoryAccessRule final : public BuiltinRule {
 public:
  CommMemoryAccessRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommMemoryAccessRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Flow& flow : context.flows()) {
    if (!flow.memory_access) continue;
    if (IsStrongAuthentication(flow.authentication) && flow.authorization != "none") continue;
    FireOnFlow(out, "Raw memory read/write over " + flow.id, flow)
        .Because(flow.id, "memory_access", "true")
        .Because(flow.id, "authentication", flow.authentication)
        .Because(flow.id, "authorization", flow.authorization);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommMemoryAccessRule() {
  return std::make_unique<CommMemoryAccessRule>();
}

}  // namespace medtra::rules
