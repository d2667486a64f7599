// Registers the device rules.
#include "rules/device/debug_port_rule.h"
#include "rules/device/default_credentials_rule.h"
#include "rules/device/fleet_key_rule.h"
#include "rules/device/no_audit_log_rule.h"
#include "rules/device/no_user_authentication_rule.h"
#include "rules/device/not_updatable_rule.h"
#include "rules/device/shared_credentials_rule.h"
#include "rules/device/unsigned_update_rule.h"
#include "rules/rule_groups.h"
// scripts/new_rule.py adds includes above this line

namespace medtra::rules {

void RegisterDeviceRules(RuleCatalog& catalog) {
  Add(catalog, std::make_unique<DeviceDebugPortRule>());
  Add(catalog, std::make_unique<DeviceUnsignedUpdateRule>());
  Add(catalog, std::make_unique<DeviceNotUpdatableRule>());
  Add(catalog, std::make_unique<DeviceDefaultCredentialsRule>());
  Add(catalog, std::make_unique<DeviceSharedCredentialsRule>());
  Add(catalog, std::make_unique<DeviceFleetKeyRule>());
  Add(catalog, std::make_unique<DeviceNoAuditLogRule>());
  Add(catalog, std::make_unique<DeviceNoUserAuthenticationRule>());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
