// The IEC 81001-5-1 conformance table from the SDL plan: each activity with its clause, status,
// owner and evidence, and the coverage per practice and process.
#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {

Document Iec81001Conformance(const SubmissionInput& input) {
  const analysis::Analysis& analysis = *input.analysis;
  Document d = Titled(input, "IEC 81001-5-1 conformance");
  Section s{"conformance", "Activities of the plan", {}};
  Table table{{"Activity", "IEC 81001-5-1", "Title", "Status", "Owner", "Evidence"}, {}};
  for (const trace::SdlActivity& a : analysis.sdl.activities) {
    std::vector<std::string> evidence;
    for (const verify::RefResult& e : a.evidence) {
      evidence.push_back(e.ref + " (" + std::string(verify::StatusName(e.status)) + ")");
    }
    std::string status = a.in_plan ? a.status : "not in the plan";
    if (a.status == "not-applicable" && !a.justification.empty()) {
      status += ": " + a.justification;
    }
    table.rows.push_back({a.id, a.iec81001.empty() ? "-" : Join(a.iec81001, ", "), a.title, status,
                          OrDash(a.owner), evidence.empty() ? "-" : Join(evidence, ", ")});
  }
  s.AddTable(std::move(table));
  d.sections.push_back(std::move(s));
  d.sections.push_back(SdlSection(analysis));
  return d;
}

}  // namespace medtra::report::submission
