// The derived threats with their decisions as CSV, for issue trackers and spreadsheets.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "medtra/interchange/model_elements.h"

namespace medtra::interchange {

/// The header and one row per threat of the report, sorted by id (the cells of the CSV and XLSX).
std::vector<std::vector<std::string>> ThreatTable(const Elements& elements,
                                                  const nlohmann::json& report);

/// One RFC 4180 record per threat of the report, sorted by id, after the header
/// `id,title,targets,status,decision,rationale,risk,measures,ticket`. `decision` and `ticket`
/// come from the model's threat_decisions (empty when the threat has none).
std::string RenderThreatsCsv(const Elements& elements, const nlohmann::json& report);

}  // namespace medtra::interchange
