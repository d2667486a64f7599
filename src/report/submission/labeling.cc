// Labeling: the FDA labeling items (instructions for secure use) and the residual risks disclosed
// to users.
#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {
namespace {

Section Disclosed(const analysis::Analysis& analysis) {
  const model::SystemModel& model = *analysis.model;
  Section s{"residual-disclosed", "Residual risks disclosed to users", {}};
  s.Paragraph(
      "Every risk whose residual level is above the lowest level of the risk method, with "
      "the user measures that carry it to the user.");
  const std::string lowest =
      model.risk_method.levels.empty() ? "" : model.risk_method.levels.front().name;
  Table table{{"Risk ID", "Threat", "Residual level", "User measures", "Disclosure"}, {}};
  for (const risk::RiskResult& r : analysis.risks) {
    if (r.residual_level == lowest) continue;
    std::vector<std::string> user;
    for (const std::string& id : r.risk->measures) {
      const model::Measure* m = model.FindMeasure(id);
      if (m != nullptr && m->kind == "user") user.push_back(id);
    }
    std::string text = r.asset_name + " remains exposed to: " + r.risk->threat;
    if (r.has_residual && !r.risk->residual->justification.empty()) {
      text += " (" + r.risk->residual->justification + ")";
    }
    table.rows.push_back({r.risk->id, r.risk->threat, r.residual_level,
                          user.empty() ? "-" : Join(user, ", "), text});
  }
  if (table.rows.empty()) {
    s.Paragraph("No residual risk is above the lowest level.");
  } else {
    s.AddTable(std::move(table));
  }
  return s;
}

}  // namespace

Document Labeling(const SubmissionInput& input) {
  Document d = Titled(input, "Labeling: instructions for secure use");
  d.sections.push_back(InstructionsSection(*input.analysis));
  d.sections.push_back(Disclosed(*input.analysis));
  return d;
}

}  // namespace medtra::report::submission
