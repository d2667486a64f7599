// The JSON explanation of a derived threat (`medtra explain --format json`), for explain and serve.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "medtra/model/system_model.h"
#include "medtra/rules/rule_catalog.h"
#include "medtra/rules/threat.h"

namespace medtra::cli {

/// How the risk file takes the threat: the risk that assesses it, a decision, or proposals.
std::string Assessment(const rules::Threat& t, const std::vector<std::string>& proposed);

/// The explanation of `t` as pretty JSON (with a final newline).
std::string ExplainJson(const rules::Threat& t, const std::vector<std::string>& proposed);

/// Every derived threat's explanation, by threat id (the threats derived as `explain` does).
std::map<std::string, std::string> ExplainAll(const model::SystemModel& model,
                                              const rules::RuleCatalog& catalog);

}  // namespace medtra::cli
