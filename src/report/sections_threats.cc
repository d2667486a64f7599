// Report section on the threats derived by the rule catalog.
#include "medtra/base/strings.h"
#include "medtra/report/dfd.h"
#include "report/sections.h"

namespace medtra::report {

Section ThreatsSection(const analysis::Analysis& analysis) {
  Section s{"threats", "Derived threats", {}};
  if (analysis.threats.empty()) {
    s.Paragraph("No threats were derived.");
    return s;
  }
  Table table{{"Threat ID", "Title", "STRIDE", "CAPEC", "CWE", "Before measures", "Status",
               "Measures", "Risk"},
              {}};
  for (const auto& t : analysis.threats) {
    table.rows.push_back({t.id, t.title, Join(t.stride, ", "), Join(t.capec, ", "),
                          Join(t.cwe, ", "), std::string(rules::ThreatStatusName(t.inherent)),
                          std::string(rules::ThreatStatusName(t.status)),
                          t.measures.empty() ? "-" : Join(t.measures, ", "),
                          t.risk.empty() ? "-" : t.risk});
  }
  s.AddTable(std::move(table));
  if (Result<std::string> svg = RenderDfdSvg(analysis); svg.ok()) {
    s.Figure(
        "Data-flow diagram: zones as clusters, each flow coloured by its worst open threat "
        "(red: high likelihood, orange: medium, gold: low, green: all mitigated or decided, "
        "grey: no threat); report.dot holds the same diagram as Graphviz DOT.",
        std::move(svg).value());
  } else {
    s.Paragraph("Data-flow diagram not drawn: " + svg.message());
  }
  return s;
}

}  // namespace medtra::report
