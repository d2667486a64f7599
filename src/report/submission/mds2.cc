// The MDS2 form (ANSI/NEMA HN 1-2019) prefilled from the model: every question the model cannot
// answer is left blank and listed.
#include "report/submission/documents.h"

namespace medtra::report::submission {

Document Mds2(const SubmissionInput& input) {
  const model::SystemModel& model = *input.analysis->model;
  Document d = Titled(input, "MDS2 manufacturer disclosure statement (prefilled)");
  Section identity{"mds2-device", "Device description", {}};
  bool phi = false;
  for (const model::Asset& a : model.assets) phi = phi || a.personal_health_data;
  identity.AddTable({{"Question", "Answer"},
                     {{"Device name", model.system.name},
                      {"Device version", model.system.version},
                      {"Manufacturer name", ""},
                      {"Document id", model.document ? model.document->id : ""},
                      {"Intended use", model.system.intended_use},
                      {"Handles personally identifiable information", phi ? "yes" : "no"},
                      {"SBOM available", model.software ? "yes" : "no"}}});
  d.sections.push_back(std::move(identity));
  Section caps{"mds2-capabilities", "Security capabilities", {}};
  Table table{{"Code", "Capability", "Answer", "Basis"}, {}};
  std::vector<std::string> blank = {"Manufacturer name: not in the model"};
  for (const Capability& c : Capabilities(input)) {
    table.rows.push_back({c.code, c.title, c.answer, c.basis});
    if (c.answer.empty()) blank.push_back(c.code + " " + c.title + ": " + c.basis);
  }
  caps.AddTable(std::move(table));
  d.sections.push_back(std::move(caps));
  Section open{"mds2-blank", "Questions left blank", {}};
  open.Paragraph("The model cannot answer these; the manufacturer answers them before release.");
  open.List(blank);
  d.sections.push_back(std::move(open));
  return d;
}

}  // namespace medtra::report::submission
