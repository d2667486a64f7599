// model-environment-unstated: Intended environment not described. Documented in
// docs/rules/model-environment-unstated.md.
#include "rules/model/environment_unstated_rule.h"

#include <string_view>
#include <vector>

#include "medtra/rules/rule_context.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {

RuleInfo ModelEnvironmentUnstatedRule::MakeInfo() {
  RuleInfo info;
  info.id = "model-environment-unstated";
  info.group = "model";
  info.title = "Intended environment not described";
  info.stride = {"Information disclosure", "Tampering", "Denial of service"};
  info.capec = {};
  info.cwe = {{"CWE-1059", "Insufficient Technical Documentation"}};
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
  info.references = {
      "AAMI TIR57:2016/(R)2023, 4.2 (intended use and characteristics related to security)"};
  info.exposure = Exposure::kDesign;
  info.base_likelihood = 0;
  return info;
}

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

}  // namespace medtra::rules
