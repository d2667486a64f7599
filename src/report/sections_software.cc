// Report section on the known vulnerabilities of the device's software (SBOM scan), with VEX
// decisions and postmarket verdicts.
#include "medtra/base/strings.h"
#include "report/sections.h"

namespace medtra::report {

Section SoftwareSection(const analysis::Analysis& analysis) {
  Section s{"software", "Known vulnerabilities of the software (SBOM)", {}};
  const sbom::ScanResult& scan = *analysis.software;
  s.Paragraph(
      std::to_string(scan.components) + " SBOM components were matched against " +
      std::to_string(scan.advisories) + " advisories: " + std::to_string(scan.entries.size()) +
      " matches, " + std::to_string(scan.metrics.open) + " without a final VEX decision, " +
      std::to_string(scan.metrics.uncontrolled) + " uncontrolled (FDA postmarket guidance).");
  if (scan.entries.empty()) return s;
  Table table{{"Component", "Version", "Advisory", "Basis", "Severity", "KEV", "VEX", "Postmarket",
               "Model component", "Risk"},
              {}};
  for (const sbom::ScanEntry& e : scan.entries) {
    const std::string vex =
        e.vex.status.empty()
            ? "none"
            : e.vex.status + (e.vex.justification.empty() ? "" : " (" + e.vex.justification + ")");
    table.rows.push_back({e.component, e.version, e.advisory, e.basis,
                          e.score.empty() ? e.severity : e.severity + " " + e.score, YesNo(e.kev),
                          vex, e.postmarket, e.model_component.empty() ? "-" : e.model_component,
                          e.risk.empty() ? "-" : e.risk});
  }
  s.AddTable(std::move(table));
  std::vector<std::string> evidence;
  for (const sbom::ScanEntry& e : scan.entries) {
    evidence.push_back(e.advisory + " in " + e.component + ": " + e.evidence +
                       (e.vex.rationale.empty() ? "" : "; VEX: " + e.vex.rationale) + "; " +
                       Join(e.actions, "; "));
  }
  s.Paragraph("Evidence of each match, the decision's rationale and what the verdict asks for:");
  s.List(evidence);
  return s;
}

}  // namespace medtra::report
