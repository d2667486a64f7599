// Registers the env rules.
#include "rules/env/env_rules.h"
#include "rules/rule_groups.h"

namespace medtra::rules {

void RegisterEnvRules(RuleCatalog& catalog) {
  Add(catalog, MakeEnvHospitalNetworkExposureRule());
  Add(catalog, MakeEnvInternetExposureRule());
  Add(catalog, MakeEnvPublicPhysicalAccessRule());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
