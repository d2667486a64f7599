// ScanDocument: the vulnerability scan as a report document (the HTML page of `sbom scan`).
#include "medtra/base/strings.h"
#include "medtra/report/scan.h"

namespace medtra::report {
namespace {

std::string Vex(const sbom::ScanEntry& e) {
  if (e.vex.status.empty()) return "none";
  return e.vex.status + (e.vex.justification.empty() ? "" : " (" + e.vex.justification + ")");
}

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

Section Changes(const sbom::ScanChanges& changes) {
  Section section{"changes", "Changes since " + changes.since, {}};
  std::vector<std::string> items;
  for (const sbom::MatchKey& key : changes.added) {
    items.push_back("new: " + key.advisory + " in " + key.component);
  }
  for (const sbom::MatchKey& key : changes.removed) {
    items.push_back("gone: " + key.advisory + " in " + key.component);
  }
  for (const sbom::MatchChange& c : changes.changed) {
    items.push_back(c.key.advisory + " in " + c.key.component + ": " + c.field + " " + c.before +
                    " -> " + c.after);
  }
  if (items.empty()) {
    section.Paragraph("Nothing changed.");
  } else {
    section.List(std::move(items));
  }
  return section;
}

}  // namespace

Document ScanDocument(const sbom::ScanResult& scan, const std::string& today,
                      const sbom::ScanChanges* changes) {
  Document doc;
  doc.title = "Known vulnerabilities";
  doc.subtitle = std::to_string(scan.components) + " components against " +
                 std::to_string(scan.advisories) + " advisories" +
                 (today.empty() ? "" : " on " + today);
  Section summary{"summary", "Summary", {}};
  summary.Paragraph(std::to_string(scan.entries.size()) + " matches, " +
                    std::to_string(scan.metrics.open) + " without a final VEX decision, " +
                    std::to_string(scan.metrics.uncontrolled) + " uncontrolled.");
  Table metrics{{"VEX status", "Matches"}, {}};
  for (const auto& [status, count] : scan.metrics.by_status) {
    metrics.rows.push_back({status, std::to_string(count)});
  }
  if (!metrics.rows.empty()) summary.AddTable(std::move(metrics));
  doc.sections.push_back(std::move(summary));
  doc.sections.push_back(ScanTrendSection(&scan));
  Section matches{"matches", "Matches", {}};
  if (scan.entries.empty()) {
    matches.Paragraph("No component matches an advisory.");
  } else {
    Table table{{"Component", "Version", "Advisory", "Basis", "Severity", "KEV", "VEX",
                 "Postmarket", "Model component", "Risk"},
                {}};
    for (const sbom::ScanEntry& e : scan.entries) {
      table.rows.push_back({e.component, e.version, e.advisory, e.basis,
                            e.score.empty() ? e.severity : e.severity + " " + e.score,
                            e.kev ? "yes" : "no", Vex(e), e.postmarket, OrDash(e.model_component),
                            OrDash(e.risk)});
    }
    matches.AddTable(std::move(table));
  }
  doc.sections.push_back(std::move(matches));
  if (!scan.entries.empty()) {
    Section evidence{"evidence", "Evidence and actions", {}};
    std::vector<std::string> items;
    for (const sbom::ScanEntry& e : scan.entries) {
      items.push_back(e.advisory + " in " + e.component + ": " + e.evidence + ". " +
                      Join(e.actions, "; "));
    }
    evidence.List(std::move(items));
    doc.sections.push_back(std::move(evidence));
  }
  if (changes != nullptr) doc.sections.push_back(Changes(*changes));
  return doc;
}

std::string ScanHtml(const sbom::ScanResult& scan, const std::string& today,
                     const sbom::ScanChanges* changes) {
  return RenderHtml(ScanDocument(scan, today, changes));
}

}  // namespace medtra::report
