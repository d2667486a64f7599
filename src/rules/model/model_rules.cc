// Registers the model rules.
#include "rules/model/asset_no_protection_goal_rule.h"
#include "rules/model/asset_not_carried_rule.h"
#include "rules/model/component_attributes_unstated_rule.h"
#include "rules/model/component_isolated_rule.h"
#include "rules/model/component_no_zone_rule.h"
#include "rules/model/environment_unstated_rule.h"
#include "rules/model/essential_function_unanalysed_rule.h"
#include "rules/model/flow_carries_nothing_rule.h"
#include "rules/model/phi_confidentiality_goal_rule.h"
#include "rules/rule_groups.h"
// scripts/new_rule.py adds includes above this line

namespace medtra::rules {

void RegisterModelRules(RuleCatalog& catalog) {
  Add(catalog, std::make_unique<ModelAssetNotCarriedRule>());
  Add(catalog, std::make_unique<ModelComponentNoZoneRule>());
  Add(catalog, std::make_unique<ModelComponentAttributesUnstatedRule>());
  Add(catalog, std::make_unique<ModelEnvironmentUnstatedRule>());
  Add(catalog, std::make_unique<ModelAssetNoProtectionGoalRule>());
  Add(catalog, std::make_unique<ModelPhiConfidentialityGoalRule>());
  Add(catalog, std::make_unique<ModelFlowCarriesNothingRule>());
  Add(catalog, std::make_unique<ModelEssentialFunctionUnanalysedRule>());
  Add(catalog, std::make_unique<ModelComponentIsolatedRule>());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
