// Exporting a medtra model and its analysis as an Open Threat Model (OTM 0.2) document.
#pragma once

#include <nlohmann/json.hpp>

#include "medtra/interchange/model_elements.h"

namespace medtra::interchange {

/// The system as `project`, zones as `trustZones`, components, assets, flows as `dataflows`
/// (their design in `attributes`), the derived threats as `threats` with one instance on the
/// element each targets (its status as `state`), and the measures as `mitigations`. Sorted by id.
nlohmann::ordered_json ExportOtm(const Elements& elements, const nlohmann::json& report);

}  // namespace medtra::interchange
