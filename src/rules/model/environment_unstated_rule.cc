// model-environment-unstated: Intended environment not described. Documented in
// docs/rules/model-environment-unstated.md.
#include <string_view>
#include <vector>

#include "medtra/rules/rule_context.h"
#include "rules/model/model_rules.h"
#include "rules/rule_helpers.h"
#include "rules/rule_refs.h"

namespace medtra::rules {
namespace {

RuleInfo MakeInfo() {
  RuleInfo info;
  info.id = "model-environment-unstated";
  info.group = "model";
  info.title = "Intended environment not described";
  info.stride = {"Information disclosure", "Tampering", "Denial of service"};
  info.capec = {};
  info.cwe = {refs::kCwe1059};
  info.emb3d = {};
  info.detects =
      "An intended environment that does not state setting, physical_access, network or "
      "operated_by.";
  info.rationale =
      "The environment decides which attackers are plausible and shifts every likelihood; without "
      "it the analysis assumes nothing and shifts nothing.";
  info.mitigation =
      "State setting, physical_access, network and operated_by for every intended environment.";
  info.fda_category = "";
  info.iec62443 = {};
  info.references = {refs::kTir57IntendedUse};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

/// An intended environment that does not state setting, physical_access, network or operated_by.
class ModelEnvironmentUnstatedRule final : public BuiltinRule {
 public:
  ModelEnvironmentUnstatedRule() : BuiltinRule(MakeInfo()) {}
  void Check(const RuleContext& context, MatchList& out) const override;
};

void ModelEnvironmentUnstatedRule::Check(const RuleContext& context, MatchList& out) const {
  for (const model::Environment& e : context.model().system.intended_environment) {
    std::vector<std::string_view> missing;
    if (e.setting.empty()) missing.push_back("setting");
    if (e.physical_access.empty()) missing.push_back("physical_access");
    if (e.network.empty()) missing.push_back("network");
    if (e.operated_by.empty()) missing.push_back("operated_by");
    if (missing.empty()) continue;
    Match& m =
        Fire(out, "Intended environment " + e.id + " leaves the attacker undescribed", e, {e.id});
    for (const std::string_view key : missing) m.Because(e.id, key, "(unstated)");
  }
}

}  // namespace

std::unique_ptr<ThreatRule> MakeModelEnvironmentUnstatedRule() {
  return std::make_unique<ModelEnvironmentUnstatedRule>();
}

}  // namespace medtra::rules
