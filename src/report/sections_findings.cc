// Report section listing the findings of the analysis.
#include <map>
#include <string>

#include "report/sections.h"

namespace medtra::report {

namespace {

/// Above kFullTableRows findings: the count of each code, with its first finding, and then the
/// first findings in the order of the list (errors first).
void AddFindingSummaries(const analysis::Analysis& analysis, Section* s) {
  struct Count {
    size_t count = 0;
    const Diagnostic* first = nullptr;
  };
  std::map<std::pair<int, std::string>, Count> by_code;
  for (const Diagnostic& f : analysis.findings) {
    Count& c = by_code[{SeverityRank(f.severity), f.code}];
    if (c.count++ == 0) c.first = &f;
  }
  s->Paragraph(std::to_string(analysis.findings.size()) + " findings of " +
               std::to_string(by_code.size()) + " kinds. Above " + std::to_string(kFullTableRows) +
               " findings this page counts them per kind; every finding is in report.json and, "
               "with its location, in the SARIF log (`--format sarif`).");
  Table kinds{{"Severity", "Code", "Findings", "First", "Location"}, {}};
  for (const auto& [key, c] : by_code) {
    kinds.rows.push_back({std::string(SeverityName(c.first->severity)), key.second,
                          std::to_string(c.count), c.first->message, ToString(c.first->location)});
  }
  s->AddTable(std::move(kinds));
  s->Paragraph("The first " + std::to_string(kShownRows) + " findings:");
  Table first{{"Severity", "Code", "Message", "Location"}, {}};
  for (size_t i = 0; i < kShownRows; ++i) {
    const Diagnostic& f = analysis.findings[i];
    first.rows.push_back(
        {std::string(SeverityName(f.severity)), f.code, f.message, ToString(f.location)});
  }
  s->AddTable(std::move(first));
}

}  // namespace

Section FindingsSection(const analysis::Analysis& analysis) {
  Section s{"findings", "Findings", {}};
  if (analysis.findings.empty()) {
    s.Paragraph("No findings.");
    return s;
  }
  if (analysis.findings.size() > kFullTableRows) {
    AddFindingSummaries(analysis, &s);
    return s;
  }
  Table table{{"Severity", "Code", "Message", "Location"}, {}};
  for (const Diagnostic& f : analysis.findings) {
    table.rows.push_back(
        {std::string(SeverityName(f.severity)), f.code, f.message, ToString(f.location)});
  }
  s.AddTable(std::move(table));
  return s;
}

}  // namespace medtra::report
