// Report sections on measures: their effect, verification, and the instructions for secure use.
#include "medtra/base/strings.h"
#include "medtra/catalog/catalogs.h"
#include "report/sections.h"

namespace medtra::report {
namespace {

std::string Provisions(const model::Measure& m) {
  std::vector<std::string> parts;
  for (const auto& p : m.provides) {
    std::vector<std::string> properties;
    for (const auto& [key, value] : p.properties) properties.push_back(key + ": " + value);
    parts.push_back(p.flow + " (" + Join(properties, ", ") + ")");
  }
  return parts.empty() ? "-" : Join(parts, "; ");
}

}  // namespace

/// "sim:modify: verified (icd-system 1.0, 2026-11-29T02:15:16Z)" per reference.
std::string VerificationsText(std::span<const verify::RefResult> verifications) {
  std::vector<std::string> parts;
  for (const verify::RefResult& v : verifications) {
    std::vector<std::string> made;
    if (!v.subject.empty() || !v.version.empty()) {
      made.push_back(v.subject.empty()   ? "version " + v.version
                     : v.version.empty() ? v.subject + ", no version"
                                         : v.subject + " " + v.version);
    }
    if (!v.date.empty()) made.push_back(v.date);
    parts.push_back(v.ref + ": " + std::string(verify::StatusName(v.status)) +
                    (made.empty() ? "" : " (" + Join(made, ", ") + ")"));
  }
  return parts.empty() ? "-" : Join(parts, "; ");
}

Section MeasuresSection(const analysis::Analysis& analysis) {
  Section s{"measures", "Measures", {}};
  Table table{{"ID", "Measure", "Kind", "Risks", "Provides", "Effect on essential functions",
               "Verification", "Status"},
              {}};
  for (const auto& r : analysis.measures) {
    const model::Measure& m = *r.measure;
    std::string effect = m.kind == "user"                      ? "-"
                         : m.essential_function_impact.empty() ? "not stated"
                                                               : m.essential_function_impact;
    if (!m.essential_function_impact_note.empty())
      effect += ": " + m.essential_function_impact_note;
    table.rows.push_back({m.id, m.name, m.kind, r.risks.empty() ? "-" : Join(r.risks, ", "),
                          Provisions(m), effect, VerificationsText(r.verifications),
                          std::string(verify::StatusName(r.verification_status))});
  }
  s.AddTable(std::move(table));
  return s;
}

Section InstructionsSection(const analysis::Analysis& analysis) {
  Section s{"instructions", "Instructions for secure use", {}};
  s.Paragraph(
      "What cannot be mitigated technically is documented as a user measure. These items belong "
      "in the instructions for use of the device.");
  std::vector<std::string> items;
  for (const auto& m : analysis.model->measures) {
    if (m.kind != "user") continue;
    items.push_back((m.instructions.empty() ? m.name : m.instructions) + " (" + m.id + ")");
  }
  if (items.empty()) {
    s.Paragraph("The model has no user measures.");
  } else {
    s.List(std::move(items));
  }
  // The labeling items the FDA premarket guidance (section VI.A) lists, as the model answers them.
  Table labeling{{"#", "Labeling item", "Instructions", "Status"}, {}};
  for (const catalog::LabelingItem& item : catalog::FdaLabelingItems()) {
    std::string text = "-";
    std::string status = "open: the model does not address it";
    for (const model::LabelingEntry& entry : analysis.model->labeling) {
      if (entry.item != item.id) continue;
      text = entry.text;
      if (!entry.measures.empty()) text += " (" + Join(entry.measures, ", ") + ")";
      status =
          entry.not_applicable.empty() ? "addressed" : "not applicable: " + entry.not_applicable;
    }
    labeling.rows.push_back({std::to_string(item.number), std::string(item.title), text, status});
  }
  s.AddTable(std::move(labeling));
  return s;
}

}  // namespace medtra::report
