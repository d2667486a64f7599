// Registers the env rules.
#include "rules/env/hospital_network_exposure_rule.h"
#include "rules/env/internet_exposure_rule.h"
#include "rules/env/public_physical_access_rule.h"
#include "rules/rule_groups.h"
// scripts/new_rule.py adds includes above this line

namespace medtra::rules {

void RegisterEnvRules(RuleCatalog& catalog) {
  Add(catalog, std::make_unique<EnvHospitalNetworkExposureRule>());
  Add(catalog, std::make_unique<EnvInternetExposureRule>());
  Add(catalog, std::make_unique<EnvPublicPhysicalAccessRule>());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
