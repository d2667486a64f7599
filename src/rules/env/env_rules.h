// The env rules (intended-environment rules): one factory per rule, each defined in its own
// src/rules/env/<name>_rule.cc; RegisterXxxRules() in env_rules.cc registers them.
#pragma once

#include <memory>

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// env-hospital-network-exposure: Exposure to the hospital network.
std::unique_ptr<ThreatRule> MakeEnvHospitalNetworkExposureRule();
/// env-internet-exposure: Exposure to the internet.
std::unique_ptr<ThreatRule> MakeEnvInternetExposureRule();
/// env-public-physical-access: Physical tampering where the public has access.
std::unique_ptr<ThreatRule> MakeEnvPublicPhysicalAccessRule();
// scripts/new_rule.py adds factories above this line

}  // namespace medtra::rules
