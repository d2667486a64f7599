// Measures and metrics: the postmarket vulnerability figures of the scan, their trend per quarter,
// and the decisions.
#include <map>

#include "medtra/report/scan.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {
Document Metrics(const SubmissionInput& input) {
  const analysis::Analysis& analysis = *input.analysis;
  Document d = Titled(input, "Cybersecurity measures and metrics");
  Section v{"vulnerability-metrics", "Known vulnerabilities of the software", {}};
  if (!analysis.software) {
    v.Paragraph(
        "No postmarket vulnerability data: the model names no SBOM with advisories "
        "('software').");
  } else {
    const sbom::ScanMetrics& m = analysis.software->metrics;
    Table table{{"Metric", "Value"},
                {{"Matches of SBOM components with advisories",
                  std::to_string(analysis.software->entries.size())},
                 {"Without a final decision", std::to_string(m.open)},
                 {"Uncontrolled", std::to_string(m.uncontrolled)},
                 {"Oldest open item (days since publication)", DaysOrDash(m.oldest_open_days)},
                 {"Median days from publication to decision", DaysOrDash(m.median_decision_days)}}};
    for (const auto& [status, count] : m.by_status) {
      table.rows.push_back({"VEX status " + status, std::to_string(count)});
    }
    v.AddTable(std::move(table));
  }
  d.sections.push_back(std::move(v));
  d.sections.push_back(ScanTrendSection(analysis.software ? &*analysis.software : nullptr));
  Section t{"decision-metrics", "Threats, decisions and verification", {}};
  std::map<std::string, int> decisions;
  for (const model::ThreatDecision& decision : analysis.model->threat_decisions) {
    ++decisions[decision.decision];
  }
  std::map<std::string, int> verification;
  for (const analysis::MeasureResult& m : analysis.measures) {
    ++verification[std::string(verify::StatusName(m.verification_status))];
  }
  Table table{{"Metric", "Value"},
              {{"Derived threats", std::to_string(analysis.threats.size())},
               {"Risks", std::to_string(analysis.risks.size())}}};
  for (const auto& [decision, count] : decisions) {
    table.rows.push_back({"Threat decisions: " + decision, std::to_string(count)});
  }
  for (const auto& [status, count] : verification) {
    table.rows.push_back({"Measures " + status, std::to_string(count)});
  }
  t.AddTable(std::move(table));
  d.sections.push_back(std::move(t));
  return d;
}

}  // namespace medtra::report::submission
