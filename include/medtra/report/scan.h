// The vulnerability scan as JSON ("format": "medtra-vulnerabilities"), Markdown, CSV and HTML.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "medtra/report/document.h"
#include "medtra/sbom/scan.h"
#include "medtra/sbom/scan_changes.h"

namespace medtra::report {

/// One match as JSON: component, purl, version, advisory, aliases, basis, severity, vex
/// {status, justification, ...}, and what the scan adds (evidence, KEV, model links, postmarket).
nlohmann::json ScanEntryJson(const sbom::ScanEntry& entry);

/// The whole scan: {"format": "medtra-vulnerabilities", "format_version": 1, "today",
/// "components", "advisories", "matches": [...], "metrics": {..., "trend": {"quarters":
/// [{quarter, published, decided, open_at_end, median_decision_days}], "undated"}}} and, with
/// `changes`,
/// "changes": {"since", "added": [{component, advisory}], "removed": [...], "changed":
/// [{component, advisory, field, before, after}]}.
std::string ScanJson(const sbom::ScanResult& scan, const std::string& today,
                     const sbom::ScanChanges* changes = nullptr);
std::string ScanMarkdown(const sbom::ScanResult& scan, const std::string& today,
                         const sbom::ScanChanges* changes = nullptr);
/// One row per match; cells escaped (no live formulas).
std::string ScanCsv(const sbom::ScanResult& scan);
/// The section "vulnerability-trend": per calendar quarter, matches published, decided, open at
/// the quarter's end and the median days to decision, with the undated count; when `scan` is
/// null (no SBOM) or has no dated match, the reason there is no trend.
Section ScanTrendSection(const sbom::ScanResult* scan);
/// A count of days for a metrics table, or "-" when there is none (negative).
std::string DaysOrDash(int days);
/// The scan as a report document: summary and metrics, the matches, evidence and actions, and
/// the changes since an earlier scan.
Document ScanDocument(const sbom::ScanResult& scan, const std::string& today,
                      const sbom::ScanChanges* changes = nullptr);
/// ScanDocument() as one self-contained HTML page (every model and advisory text escaped).
std::string ScanHtml(const sbom::ScanResult& scan, const std::string& today,
                     const sbom::ScanChanges* changes = nullptr);

}  // namespace medtra::report
