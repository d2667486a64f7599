// The built-in rule catalog: every group registered explicitly, no static registrars.
#include <cassert>

#include "rules/rule_groups.h"

namespace medtra::rules {

void Add(RuleCatalog& catalog, std::unique_ptr<ThreatRule> rule) {
  const Status status = catalog.Register(std::move(rule));
  assert(status.ok());
  (void)status;
}

void RegisterBuiltinRules(RuleCatalog& catalog) {
  RegisterCommRules(catalog);
  RegisterDeviceRules(catalog);
  RegisterMedicalRules(catalog);
  RegisterEnvRules(catalog);
  RegisterModelRules(catalog);
}

}  // namespace medtra::rules
