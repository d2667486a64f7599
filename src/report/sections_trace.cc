// Report section on traceability: risk -> measure -> requirement -> design -> verification.
#include "medtra/base/strings.h"
#include "report/sections.h"

namespace medtra::report {
namespace {

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

}  // namespace

Section TraceSection(const analysis::Analysis& analysis) {
  const trace::TraceResult& trace = analysis.trace;
  Section s{"traceability", "Traceability", {}};
  s.Paragraph(
      "Each risk to its measure, the security requirement the measure implements, the design "
      "elements that carry it, and the verification that proves it, with the evidence's "
      "result. A missing link is a finding.");
  Table matrix{{"Risk", "Measure", "Requirement", "Categories", "Design", "Verification", "Status"},
               {}};
  for (const trace::TraceRow& row : trace.rows) {
    matrix.rows.push_back({OrDash(row.risk), OrDash(row.measure), OrDash(row.requirement),
                           row.categories.empty() ? "-" : Join(row.categories, ", "),
                           row.design.empty() ? "-" : Join(row.design, ", "),
                           VerificationsText(row.verifications), row.status});
  }
  s.AddTable(std::move(matrix));
  Table categories{{"Security requirement category (IEC 62304)", "Requirements", "Status"}, {}};
  for (const trace::CategoryCoverage& c : trace.categories) {
    categories.rows.push_back(
        {c.title, c.requirements.empty() ? OrDash(c.justification) : Join(c.requirements, ", "),
         c.status});
  }
  s.AddTable(std::move(categories));
  if (!trace.evidence_files.empty()) {
    s.Paragraph("Evidence read: " + Join(trace.evidence_files, ", ") + ".");
  }
  return s;
}

}  // namespace medtra::report
