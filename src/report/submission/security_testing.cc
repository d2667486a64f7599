// The security testing summary: what each measure's evidence tested, its result and the version
// under test, and the verification activities of the SDL plan (who tests, with what independence).
#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {

bool TesterUnstated(const verify::RefResult& v) {
  const bool tested = v.kind == model::RefKind::kTest || v.kind == model::RefKind::kSim;
  return tested && v.status != verify::Status::kMissing &&
         (v.tester.empty() || v.independence.empty());
}

namespace {

Section Results(const analysis::Analysis& analysis) {
  Section s{"test-results", "Results per measure", {}};
  Table table{{"Measure", "Evidence", "Kind", "Result", "Version under test", "Date", "Tester",
               "Independence", "Source"},
              {}};
  std::vector<std::string> unstated;
  for (const analysis::MeasureResult& m : analysis.measures) {
    for (const verify::RefResult& v : m.verifications) {
      table.rows.push_back(
          {m.measure->id, v.ref, std::string(model::RefKindName(v.kind)),
           std::string(verify::StatusName(v.status)),
           v.subject.empty() && v.version.empty() ? "not stated" : v.subject + " " + v.version,
           OrDash(v.date), v.tester.empty() ? "not stated" : v.tester,
           v.independence.empty() ? "not stated" : v.independence, OrDash(v.source)});
      if (TesterUnstated(v)) unstated.push_back(m.measure->id + " " + v.ref);
    }
  }
  if (table.rows.empty()) {
    s.Paragraph(
        "No measure cites evidence: add 'verified_by' to the measures (test:, sim:, "
        "file:, url:) and the results under evidence/.");
  } else {
    s.AddTable(std::move(table));
  }
  if (!unstated.empty()) {
    s.Paragraph(
        "Results that do not state who tested and with what independence from the developers "
        "(JUnit properties 'tester' and 'independence', or the evidence manifest's entry): " +
        Join(unstated, ", ") + ".");
  }
  return s;
}

Section Activities(const analysis::Analysis& analysis) {
  Section s{"test-activities", "Verification activities, testers and independence", {}};
  s.Paragraph(
      "The security verification and validation practice of the SDL plan (IEC 62443-4-1 "
      "SVV-1 to SVV-5; SVV-5 is the independence of the testers).");
  Table table{{"Activity", "Title", "Status", "Owner", "Evidence", "Note"}, {}};
  for (const trace::SdlActivity& a : analysis.sdl.activities) {
    if (a.practice != "SVV") continue;
    std::vector<std::string> evidence;
    for (const verify::RefResult& e : a.evidence) evidence.push_back(e.ref);
    table.rows.push_back({a.id, a.title, a.in_plan ? a.status : "not in the plan", OrDash(a.owner),
                          evidence.empty() ? "-" : Join(evidence, ", "),
                          OrDash(a.note.empty() ? a.justification : a.note)});
  }
  s.AddTable(std::move(table));
  return s;
}

}  // namespace

Document SecurityTesting(const SubmissionInput& input) {
  Document d = Titled(input, "Security testing summary");
  d.sections.push_back(Results(*input.analysis));
  d.sections.push_back(Activities(*input.analysis));
  return d;
}

}  // namespace medtra::report::submission
