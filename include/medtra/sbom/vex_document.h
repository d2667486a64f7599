// VEX documents from suppliers read back in: OpenVEX 0.2.0 and CycloneDX VEX (a BOM with
// `vulnerabilities` and their `analysis`), as the model's VEX decisions (docs/vulnerabilities.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/model/software.h"
#include "medtra/sbom/purl.h"

namespace medtra::sbom {

/// The decisions of a VEX document, one per (vulnerability, product): the product's purl without
/// version is the package, its version an exact `vers:` range. Errors are located; nullopt then.
std::optional<std::vector<model::VexDecision>> ReadVexDocument(const std::string& file,
                                                               std::string_view text,
                                                               DiagnosticSink& sink);

/// The crosswalk read backwards: a CycloneDX analysis state as medtra's status (nullopt for an
/// unknown state), and a CycloneDX justification as the OpenVEX one ("" when none fits).
std::optional<model::VexStatus> StatusOfCycloneDxState(std::string_view state);
std::string OpenVexJustification(std::string_view cyclonedx);

}  // namespace medtra::sbom
