// The store's records as JSON: what the audit trail records of a change, what the API answers and
// what `medtra audit list --format json` prints (one mapping for all three).
#pragma once

#include <nlohmann/json.hpp>

#include "medtra/store/store.h"

namespace medtra::store {

nlohmann::ordered_json ToJson(const Decision& decision);
nlohmann::ordered_json ToJson(const Approval& approval);
/// `before` and `after` parsed back into JSON.
nlohmann::ordered_json ToJson(const AuditEntry& entry);

}  // namespace medtra::store
