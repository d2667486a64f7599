// Report sections on the document itself: document control (or draft) and the report's identity.
#include "report/sections.h"

namespace medtra::report {

Section DocumentControlSection(const analysis::Analysis& analysis) {
  Section s{"document-control", "Document control", {}};
  const std::optional<model::DocumentControl>& doc = analysis.model->document;
  if (!doc) {
    s.Paragraph(
        "DRAFT. This report is not under document control: the model has no 'document' section "
        "(document id, revision, date, author, approvals). Do not file it as a controlled "
        "record.");
    return s;
  }
  s.AddTable({{"Document", "Revision", "Date", "Author"},
              {{doc->id, doc->revision, doc->date.empty() ? "-" : doc->date,
                doc->author.empty() ? "-" : doc->author}}});
  if (doc->approvals.empty()) {
    s.Paragraph("No approval is recorded: the revision is not approved yet.");
    return s;
  }
  Table approvals{{"Name", "Role", "Date", "Meaning of the signature"}, {}};
  for (const model::Approval& a : doc->approvals) {
    approvals.rows.push_back({a.name, a.role, a.date, a.meaning});
  }
  s.AddTable(std::move(approvals));
  return s;
}

Section IdentitySection(const analysis::Analysis& analysis) {
  Section s{"report-identity", "Report identity", {}};
  s.Paragraph("Report id " + analysis.report_id +
              ": SHA-256 over the files below, the rule catalog and the medtra version. The same "
              "inputs give the same report, byte for byte; a changed file gives another id.");
  Table inputs{{"Role", "File", "SHA-256"}, {}};
  for (const analysis::Input& input : analysis.inputs) {
    inputs.rows.push_back({input.role, input.path, input.sha256});
  }
  s.AddTable(std::move(inputs));
  return s;
}

}  // namespace medtra::report
