// The rule groups; builtin_rules.cc calls each group's registration function explicitly.
#pragma once

#include <memory>

#include "medtra/rules/rule_catalog.h"

namespace medtra::rules {

/// Registers a built-in rule; a duplicate id is a programming error (asserted).
void Add(RuleCatalog& catalog, std::unique_ptr<ThreatRule> rule);

void RegisterCommRules(RuleCatalog& catalog);     ///< STRIDE per flow: src/rules/comm/
void RegisterDeviceRules(RuleCatalog& catalog);   ///< STRIDE per component: src/rules/device/
void RegisterMedicalRules(RuleCatalog& catalog);  ///< medical-device scenarios: src/rules/medical/
void RegisterEnvRules(RuleCatalog& catalog);      ///< intended-environment rules: src/rules/env/
void RegisterModelRules(RuleCatalog& catalog);    ///< incomplete-model rules: src/rules/model/

}  // namespace medtra::rules
