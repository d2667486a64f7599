// Registers the medical rules.
#include "rules/medical/medical_rules.h"
#include "rules/rule_groups.h"

namespace medtra::rules {

void RegisterMedicalRules(RuleCatalog& catalog) {
  Add(catalog, MakeMedicalBatteryDrainRule());
  Add(catalog, MakeMedicalMobileAppControlRule());
  Add(catalog, MakeMedicalRemoteTherapyRule());
  Add(catalog, MakeMedicalMultiPatientHarmRule());
  Add(catalog, MakeMedicalPatientTrackingRule());
  Add(catalog, MakeMedicalPhiOnMobileRule());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
