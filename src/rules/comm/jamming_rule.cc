// comm-jamming: Jamming or denial of a wireless link an essential function needs. Documented in
// docs/rules/comm-jamming.md.
#include <algorithm>

#include "medtra/rules/rule_context.h"
#include "rules/comm/comm_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "comm-jamming";
  info.group = "comm";
  info.title = "Jamming or denial of a wireless link an essential function needs";
  info.stride = {"Denial of service"};
  info.capec = {{"CAPEC-601", "Jamming"}};
  info.cwe = {};
  info.emb3d = {};
  info.detects =
      "A wireless flow without redundancy (availability: none or retry) that carries therapy "
      "commands, an asset tied to an essential function or an asset whose protection goals include "
      "availability.";
  info.rationale =
      "A jammer in radio range blocks the link; no cryptography prevents that. When an essential "
      "function depends on the link, the device must stay safe without it.";
  info.mitigation =
      "Design the essential function to work without the link (the therapy loop runs on the "
      "implant), give the link a redundant path (availability: redundant), detect and report "
      "jamming; otherwise accept the residual risk with a rationale.";
  info.fda_category = "resiliency-recovery";
  info.iec62443 = {"CR 7.1"};
  info.references = {refs::kTir57Threats, refs::kFdaControlCategories,
                     refs::kIec62443_4_2EssentialFunctions};
  info.exposure = Exposure::kProximity;
  info.base_likelihood = 1;
  return info;
}

/// A wireless flow without redundancy (availability: none or retry) that carries therapy commands,
/// an asset tied to an essential function or an asset whose protection goals include availability.
class CommJammingRule final : public BuiltinRule {
 public:
  CommJammingRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void CommJammingRule::Check(const RuleContext& context, MatchList& out) const {
  const auto essential = [](const model::Asset& a) {
    return !a.essential_function.empty() ||
           std::find(a.protect.begin(), a.protect.end(), "availability") != a.protect.end();
  };
  const auto therapy = [](const model::Asset& a) { return a.kind == "function"; };
  for (const model::Flow& flow : context.flows()) {
    if (!IsWireless(flow.medium) || flow.availability == "redundant") continue;
    const std::string assets = CarriedNames(context, flow, essential);
    if (assets.empty() && !flow.therapy_commands) continue;
    const bool for_therapy = flow.therapy_commands || !CarriedNames(context, flow, therapy).empty();
    Match& m = FireOnFlow(out,
                          std::string("Jamming/denial of ") +
                              (for_therapy ? "therapy communication" : "essential communication") +
                              " on " + flow.id,
                          flow);
    m.Because(flow.id, "medium", flow.medium).Because(flow.id, "availability", flow.availability);
    CiteCarried(context, flow, essential, m);
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeCommJammingRule() { return std::make_unique<CommJammingRule>(); }

}  // namespace medtra::rules
