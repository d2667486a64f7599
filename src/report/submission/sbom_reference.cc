// The SBOM reference: each SBOM with its components' support level and end of support, and the
// assessment of the known vulnerabilities (the scan with VEX decisions and verdicts).
#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {

Document SbomReference(const SubmissionInput& input) {
  const analysis::Analysis& analysis = *input.analysis;
  const model::SystemModel& model = *analysis.model;
  Document d = Titled(input, "Software bill of materials and support");
  Section files{"sbom-files", "SBOMs of the device", {}};
  if (!model.software || model.software->sboms.empty()) {
    files.Paragraph(
        "SBOM: not provided. Add a 'software' section naming the device's SBOMs "
        "(CycloneDX or SPDX) and the component each runs on.");
    d.sections.push_back(std::move(files));
    return d;
  }
  Table list{{"SBOM", "Model component", "Format", "Author", "Timestamp", "Components"}, {}};
  for (size_t i = 0; i < model.software->sboms.size(); ++i) {
    const model::SbomBinding& b = model.software->sboms[i];
    if (i < input.sboms.size()) {
      const sbom::Sbom& s = input.sboms[i];
      list.rows.push_back({b.file, b.component, s.format + " " + s.spec_version,
                           s.authors.empty() ? "-" : Join(s.authors, ", "), OrDash(s.timestamp),
                           std::to_string(s.components.size())});
    } else {
      list.rows.push_back({b.file, b.component, "not read", "-", "-", "-"});
    }
  }
  files.AddTable(std::move(list));
  d.sections.push_back(std::move(files));
  Section support{"sbom-support", "Components, support level and end of support", {}};
  Table table{{"SBOM", "Component", "Version", "Supplier", "Package URL", "Support level",
               "End of support"},
              {}};
  for (const sbom::Sbom& s : input.sboms) {
    for (const sbom::SbomComponent& c : s.components) {
      table.rows.push_back({s.file, c.name, OrDash(c.version), OrDash(c.supplier),
                            OrDash(c.purl_text), OrDash(c.support_level),
                            OrDash(c.end_of_support)});
    }
  }
  support.AddTable(std::move(table));
  d.sections.push_back(std::move(support));
  if (analysis.software) {
    d.sections.push_back(SoftwareSection(analysis));
  } else {
    Section none{"software", "Known vulnerabilities", {}};
    none.Paragraph("Not assessed: the model names no advisory source ('software.advisories').");
    d.sections.push_back(std::move(none));
  }
  return d;
}

}  // namespace medtra::report::submission
