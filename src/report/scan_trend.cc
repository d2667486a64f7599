// ScanTrendSection: the vulnerability metrics over time (FDA premarket guidance V.A.6), as
// QuarterlyTrend counted them, for the scan report and the submission's metrics document.
#include "medtra/report/scan.h"

namespace medtra::report {
std::string DaysOrDash(int days) { return days < 0 ? "-" : std::to_string(days); }

Section ScanTrendSection(const sbom::ScanResult* scan) {
  Section s{"vulnerability-trend", "Known vulnerabilities over time", {}};
  if (scan == nullptr) {
    s.Paragraph("No trend: the model names no SBOM with advisories ('software').");
    return s;
  }
  const sbom::ScanTrend& trend = scan->metrics.trend;
  if (scan->entries.empty()) {
    s.Paragraph("No trend: no SBOM component matches an advisory.");
  } else if (trend.quarters.empty()) {
    s.Paragraph("No trend: no match has the dates it needs.");
  } else {
    s.Paragraph(
        "Per calendar quarter, from the advisories' publication dates and the VEX decision dates "
        "(a final decision is not_affected, affected or fixed), from " +
        trend.quarters.front().quarter + " to " +
        (scan->today.empty() ? "the quarter of the latest of these dates"
                             : "the quarter of the scan (" + scan->today + ")") +
        ". Open items were published by the quarter's end and not decided by then. Whether an "
        "item was uncontrolled at a quarter's end is not recorded, so the trend does not count "
        "it.");
    Table table{{"Quarter", "Published", "Decided", "Open at end of quarter",
                 "Median days from publication to decision"},
                {}};
    for (const sbom::QuarterMetrics& q : trend.quarters) {
      table.rows.push_back({q.quarter, std::to_string(q.published), std::to_string(q.decided),
                            std::to_string(q.open_at_end), DaysOrDash(q.median_decision_days)});
    }
    s.AddTable(std::move(table));
  }
  if (trend.undated > 0) {
    s.Paragraph("Without dates (not in the trend): " + std::to_string(trend.undated) +
                " matches without a valid advisory publication date or with a final decision "
                "without a valid date.");
  }
  return s;
}

}  // namespace medtra::report
