// The software stage of Analyze: the vulnerability scan, its vulnerabilities as scored
// vulnerabilities of the model, the blocks it puts on risks, and the postmarket verdicts.
#pragma once

#include <vector>

#include "medtra/analysis/analysis.h"
#include "medtra/sbom/scan.h"

namespace medtra::analysis {

/// Runs the scan into `analysis->software` and adds each scored, still-affecting vulnerability
/// that lands on a model component to `analysis->vulnerabilities`. Returns the blocks.
std::vector<verdict::VulnerabilityBlock> ScanSoftware(const sbom::ScanInput& input,
                                                      const std::string& today, Analysis* analysis);

/// After the verdicts: the postmarket verdict of each scanned vulnerability.
void AssessSoftware(Analysis* analysis);

}  // namespace medtra::analysis
