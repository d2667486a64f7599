// comm-flooding: Flooding of a network link an essential function needs. Documented in
// docs/rules/comm-flooding.md.
#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-flooding";
  info.group = "comm";
  info.title = "Flooding of a network link an essential function needs";
  info.stride = {"Denial of service"};
  info.capec = {refs::kCapec125};
  info.cwe = {{"CWE-770", "Allocation of Resources Without Limits or Throttling"}};
  info.emb3d = {"TID-405"};
  info.detects =
      "A network flow with availability: none to or from a component that performs an essential "
      "function, or that carries an asset tied to one.";
  info.rationale =
      "A flood of traffic exhausts the receiver and the essential function that depends on it "
      "stops.";
  info.mitigation =
      "Rate-limit and prioritise traffic on the receiver, keep the essential function independent "
      "of the link, or give the link a redundant path (availability: retry or redundant).";
  info.fda_category = "resiliency-recovery";
  info.iec62443 = {"CR 7.1", "CR 7.2"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories};
  info.exposure = Exposure::kNetwork;
  info.base_likelihood = 1;
  return info;
}

/// A network flow with availability: none to or from a component that performs an essential
/// function, or that carries an asset tied to one.
class CommFloodingRule final : public BuiltinRule {
 public:
  CommFloodingRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommFloodingRule::Check(const RuleContext& context, MatchList& out) const {
  const auto essential = [](const model::Asset& a) { return !a.essential_function.empty(); };
  for (const model::Flow& flow : context.flows()) {
    if (!IsNetwork(flow.medium) || flow.availability != "none") continue;
    const auto performs = [&](const model::Component* c) {
      return c != nullptr && context.index().PerformsFunction(*c);
    };
    const bool needed = performs(context.To(flow)) || performs(context.From(flow)) ||
                        !CarriedNames(context, flow, essential).empty();
    if (!needed) continue;
    FireOnFlow(out, "Denial of service by flooding " + flow.id, flow)
        .Because(flow.id, "medium", flow.medium)
        .Because(flow.id, "availability", flow.availability);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommFloodingRule() { return std::make_unique<CommFloodingRule>(); }

}  // namespace medtra::rules
