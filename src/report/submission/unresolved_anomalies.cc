// The unresolved anomalies of the release, each with its security impact assessment.
#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {

Document UnresolvedAnomalies(const SubmissionInput& input) {
  const model::SystemModel& model = *input.analysis->model;
  Document d = Titled(input, "Unresolved anomalies");
  Section s{"anomalies", "Security impact assessment of the unresolved anomalies", {}};
  if (model.anomalies.empty()) {
    s.Paragraph(
        "The model lists no unresolved anomalies: add 'anomalies' (each with its "
        "component, CWE, security impact and rationale).");
  } else {
    Table table{{"Anomaly", "Title", "Component", "CWE", "Security impact", "Risk", "Rationale",
                 "Fixed in"},
                {}};
    for (const model::Anomaly& a : model.anomalies) {
      table.rows.push_back({a.id, a.title, a.component, a.cwe.empty() ? "-" : Join(a.cwe, ", "),
                            a.impact, OrDash(a.risk), a.rationale, OrDash(a.fix)});
    }
    s.AddTable(std::move(table));
  }
  d.sections.push_back(std::move(s));
  return d;
}

}  // namespace medtra::report::submission
