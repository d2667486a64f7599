// The device rules (STRIDE per component): one factory per rule, each defined in its own
// src/rules/device/<name>_rule.cc; RegisterXxxRules() in device_rules.cc registers them.
#pragma once

#include <memory>

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// device-debug-port: Enabled debug port.
std::unique_ptr<ThreatRule> MakeDeviceDebugPortRule();
/// device-default-credentials: Default credentials.
std::unique_ptr<ThreatRule> MakeDeviceDefaultCredentialsRule();
/// device-fleet-key: One key for the whole fleet.
std::unique_ptr<ThreatRule> MakeDeviceFleetKeyRule();
/// device-no-audit-log: No audit log of security events.
std::unique_ptr<ThreatRule> MakeDeviceNoAuditLogRule();
/// device-no-user-authentication: Operator not authenticated.
std::unique_ptr<ThreatRule> MakeDeviceNoUserAuthenticationRule();
/// device-not-updatable: Software that cannot be updated.
std::unique_ptr<ThreatRule> MakeDeviceNotUpdatableRule();
/// device-shared-credentials: Credentials shared across devices.
std::unique_ptr<ThreatRule> MakeDeviceSharedCredentialsRule();
/// device-unsigned-update: Unsigned software update.
std::unique_ptr<ThreatRule> MakeDeviceUnsignedUpdateRule();
// scripts/new_rule.py adds factories above this line

}  // namespace medtra::rules
