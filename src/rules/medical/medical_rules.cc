// Registers the medical rules.
#include "rules/medical/battery_drain_rule.h"
#include "rules/medical/mobile_app_control_rule.h"
#include "rules/medical/multi_patient_harm_rule.h"
#include "rules/medical/patient_tracking_rule.h"
#include "rules/medical/phi_on_mobile_rule.h"
#include "rules/medical/remote_therapy_rule.h"
#include "rules/rule_groups.h"
// scripts/new_rule.py adds includes above this line

namespace medtra::rules {

void RegisterMedicalRules(RuleCatalog& catalog) {
  Add(catalog, std::make_unique<MedicalBatteryDrainRule>());
  Add(catalog, std::make_unique<MedicalMobileAppControlRule>());
  Add(catalog, std::make_unique<MedicalRemoteTherapyRule>());
  Add(catalog, std::make_unique<MedicalMultiPatientHarmRule>());
  Add(catalog, std::make_unique<MedicalPatientTrackingRule>());
  Add(catalog, std::make_unique<MedicalPhiOnMobileRule>());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
