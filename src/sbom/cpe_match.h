// Private to MatchAdvisories: the opt-in match of components with advisories' CPE criteria.
#pragma once

#include <vector>

#include "medtra/diag/diagnostic.h"
#include "medtra/sbom/advisory.h"
#include "medtra/sbom/match.h"
#include "medtra/sbom/sbom.h"

namespace medtra::sbom::internal {

/// Appends the CPE matches of the components that `opted_in` selects to `matches` (which holds
/// the package matches, so that an advisory found both ways is matched once).
void MatchByCpe(const Sbom& sbom, const std::vector<Advisory>& advisories,
                const std::vector<bool>& opted_in, DiagnosticSink& sink,
                std::vector<VulnerabilityMatch>* matches);

}  // namespace medtra::sbom::internal
