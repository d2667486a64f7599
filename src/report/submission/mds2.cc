// The MDS2 form (ANSI/NEMA HN 1-2019) prefilled from the model, question by question: every
// question the model cannot answer is left blank and listed.
#include "report/submission/documents.h"
#include "report/submission/mds2_questions.h"

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

  const std::vector<Mds2Answer> answers = Mds2Answers(input);
  std::vector<std::string> blank;
  for (const Mds2Section& s : Mds2Sections()) {
    // The code first: the workbook's sheet names keep the first 28 characters of the title.
    Section section{
        "mds2-" + std::string(s.code), std::string(s.code) + " - " + std::string(s.title), {}};
    Table table{{"Id", "Topic", "Answer", "Basis"}, {}};
    for (const Mds2Answer& a : answers) {
      if (a.question->section != s.code) continue;
      table.rows.push_back(
          {std::string(a.question->id), std::string(a.question->topic), a.answer, a.basis});
      if (a.answer.empty()) {
        blank.push_back(std::string(a.question->id) + ": " + std::string(a.question->topic));
      }
    }
    section.AddTable(std::move(table));
    d.sections.push_back(std::move(section));
  }

  Section caps{"mds2-capabilities", "Security capabilities (IEC TR 80001-2-2)", {}};
  Table table{{"Code", "Capability", "Answer", "Basis"}, {}};
  for (const Capability& c : Capabilities(input)) {
    table.rows.push_back({c.code, c.title, c.answer, c.basis});
  }
  caps.AddTable(std::move(table));
  d.sections.push_back(std::move(caps));

  Section open{"mds2-blank", "Questions left blank", {}};
  open.Paragraph(std::to_string(blank.size()) + " of " + std::to_string(answers.size()) +
                 " questions: the model cannot answer these; the manufacturer answers them before "
                 "release. The question ids are those of the published form; the topics are "
                 "medtra's short wording, not the form's questions.");
  open.List(blank);
  d.sections.push_back(std::move(open));
  return d;
}

}  // namespace medtra::report::submission
