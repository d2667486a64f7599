// The vulnerability scan as JSON ("format": "medtra-vulnerabilities"), Markdown and CSV.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "medtra/sbom/scan.h"

namespace medtra::report {

/// One match as JSON: component, purl, version, advisory, aliases, basis, severity, vex
/// {status, justification, ...}, and what the scan adds (evidence, KEV, model links, postmarket).
nlohmann::json ScanEntryJson(const sbom::ScanEntry& entry);

/// The whole scan: {"format": "medtra-vulnerabilities", "format_version": 1, "today",
/// "components", "advisories", "matches": [...], "metrics": {...}}.
std::string ScanJson(const sbom::ScanResult& scan, const std::string& today);
std::string ScanMarkdown(const sbom::ScanResult& scan, const std::string& today);
/// One row per match; cells escaped (no live formulas).
std::string ScanCsv(const sbom::ScanResult& scan);

}  // namespace medtra::report
