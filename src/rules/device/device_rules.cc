// Registers the device rules.
#include "rules/device/device_rules.h"
#include "rules/rule_groups.h"

namespace medtra::rules {

void RegisterDeviceRules(RuleCatalog& catalog) {
  Add(catalog, MakeDeviceDebugPortRule());
  Add(catalog, MakeDeviceUnsignedUpdateRule());
  Add(catalog, MakeDeviceNotUpdatableRule());
  Add(catalog, MakeDeviceDefaultCredentialsRule());
  Add(catalog, MakeDeviceSharedCredentialsRule());
  Add(catalog, MakeDeviceFleetKeyRule());
  Add(catalog, MakeDeviceNoAuditLogRule());
  Add(catalog, MakeDeviceNoUserAuthenticationRule());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
