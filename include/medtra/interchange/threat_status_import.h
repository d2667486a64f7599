// ImportThreatStatus: a tracker's threats CSV (as `threats export` writes it) back into a
// `threat_decisions` YAML document.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "medtra/diag/diagnostic.h"
#include "medtra/interchange/model_elements.h"

namespace medtra::interchange {

/// Reads the `id`, `decision` and `rationale` columns of `csv` (header required; other columns are
/// ignored) and returns a YAML document `threat_decisions: [...]` with one decision per row whose
/// decision is not empty, sorted by threat id; `measures` and `risk` come from the model's own
/// decision for the threat (else the threat's measures). Every problem is an error in `sink`,
/// located in the CSV (unknown threat id, unknown decision, a duplicate row, a decision without
/// its rationale or measures), and nothing is returned.
std::optional<std::string> ImportThreatStatus(const Elements& elements,
                                              const nlohmann::json& report, std::string_view csv,
                                              const std::string& file, DiagnosticSink& sink);

}  // namespace medtra::interchange
