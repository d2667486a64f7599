// The medical rules (medical-device scenarios): one factory per rule, each defined in its own
// src/rules/medical/<name>_rule.cc; RegisterXxxRules() in medical_rules.cc registers them.
#pragma once

#include <memory>

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// medical-battery-drain: Battery depletion by repeated wake-ups.
std::unique_ptr<ThreatRule> MakeMedicalBatteryDrainRule();
/// medical-mobile-app-control: A mobile app in the therapy control path.
std::unique_ptr<ThreatRule> MakeMedicalMobileAppControlRule();
/// medical-multi-patient-harm: One compromise reaches many patients.
std::unique_ptr<ThreatRule> MakeMedicalMultiPatientHarmRule();
/// medical-patient-tracking: Tracking a patient by a static radio identifier.
std::unique_ptr<ThreatRule> MakeMedicalPatientTrackingRule();
/// medical-phi-on-mobile: Patient data on a mobile device.
std::unique_ptr<ThreatRule> MakeMedicalPhiOnMobileRule();
/// medical-remote-therapy: Remote access to therapy.
std::unique_ptr<ThreatRule> MakeMedicalRemoteTherapyRule();
// scripts/new_rule.py adds factories above this line

}  // namespace medtra::rules
