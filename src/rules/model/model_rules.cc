// Registers the model rules.
#include "rules/model/model_rules.h"
#include "rules/rule_groups.h"

namespace medtra::rules {

void RegisterModelRules(RuleCatalog& catalog) {
  Add(catalog, MakeModelAssetNotCarriedRule());
  Add(catalog, MakeModelComponentNoZoneRule());
  Add(catalog, MakeModelComponentAttributesUnstatedRule());
  Add(catalog, MakeModelEnvironmentUnstatedRule());
  Add(catalog, MakeModelAssetNoProtectionGoalRule());
  Add(catalog, MakeModelPhiConfidentialityGoalRule());
  Add(catalog, MakeModelFlowCarriesNothingRule());
  Add(catalog, MakeModelEssentialFunctionUnanalysedRule());
  Add(catalog, MakeModelComponentIsolatedRule());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
