// Report section listing the findings of the analysis.
#include "report/sections.h"

namespace medtra::report {

Section FindingsSection(const analysis::Analysis& analysis) {
  Section s{"findings", "Findings", {}};
  if (analysis.findings.empty()) {
    s.Paragraph("No findings.");
    return s;
  }
  Table table{{"Severity", "Code", "Message", "Location"}, {}};
  for (const Diagnostic& f : analysis.findings) {
    std::string where = f.location.file;
    if (f.location.known()) {
      where += ":" + std::to_string(f.location.line) + ":" + std::to_string(f.location.col);
    }
    table.rows.push_back({std::string(SeverityName(f.severity)), f.code, f.message, where});
  }
  s.AddTable(std::move(table));
  return s;
}

}  // namespace medtra::report
