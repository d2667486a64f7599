// A diagnostic as a JSON object: {"severity","code","message","file","line","col"}.
#pragma once

#include <nlohmann/json.hpp>

#include "medtra/diag/diagnostic.h"

namespace medtra {

/// The one JSON shape of a diagnostic or finding, used by every JSON output of medtra.
nlohmann::ordered_json DiagnosticToJson(const Diagnostic& diagnostic);

}  // namespace medtra
