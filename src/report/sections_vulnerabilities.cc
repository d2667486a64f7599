// Report section on vulnerabilities scored with CVSS and the rubric's reasoning behind each vector.
#include "medtra/base/strings.h"
#include "report/sections.h"

namespace medtra::report {

Section VulnerabilitiesSection(const analysis::Analysis& analysis) {
  Section s{"vulnerabilities", "Vulnerabilities scored with CVSS", {}};
  if (analysis.vulnerabilities.empty()) {
    s.Paragraph("The model records no vulnerabilities.");
    return s;
  }
  s.Paragraph(
      "CVSS vectors come from the model or from the answers to the MITRE rubric for applying "
      "CVSS to medical devices (qualified by the FDA as a medical device development tool). The "
      "exploitability maps to the likelihood scale of the risk method.");
  Table table{{"ID", "Vulnerability", "CWE", "Affects", "Risk", "Vector", "Score", "Likelihood"},
              {}};
  for (const auto& v : analysis.vulnerabilities) {
    std::string score = v.score + " " + v.severity + " (CVSS " + v.version + ")";
    if (!v.environmental_score.empty()) {
      score += "; environmental " + v.environmental_score + " " + v.environmental_severity;
    }
    table.rows.push_back({v.id, v.title, Join(v.cwe, ", "), Join(v.affects, ", "),
                          v.risk.empty() ? "-" : v.risk, v.vector, score,
                          v.likelihood + " (from " + FormatFixed(v.likelihood_value, 2) + ")"});
  }
  s.AddTable(std::move(table));
  for (const auto& v : analysis.vulnerabilities) {
    if (v.rationale.empty()) continue;
    s.Paragraph("Rationale for " + v.id + " (" +
                (v.source == "rubric" ? "rubric answers" : "vector") + "):");
    s.List(v.rationale);
  }
  return s;
}

}  // namespace medtra::report
