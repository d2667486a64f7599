// The security risk management report: plan (method, acceptance, roles), results, the overall
// residual-risk conclusion with the benefit-risk statement, document control and approvals.
#include <set>

#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {
namespace {

Section Roles(const analysis::Analysis& analysis) {
  Section s{"roles", "Roles and responsibilities", {}};
  const model::SystemModel& model = *analysis.model;
  Table table{{"Role", "Who", "Source"}, {}};
  if (model.document) {
    if (!model.document->author.empty()) {
      table.rows.push_back({"author of the risk file", model.document->author, "document.author"});
    }
    for (const model::Approval& a : model.document->approvals) {
      table.rows.push_back({a.role, a.name, "document.approvals"});
    }
  }
  std::set<std::string> owners;
  for (const trace::SdlActivity& a : analysis.sdl.activities) {
    if (!a.owner.empty()) owners.insert(a.owner);
  }
  for (const std::string& owner : owners) {
    table.rows.push_back({"owner of secure development activities", owner, "sdl"});
  }
  if (model.management_plan) {
    table.rows.push_back(
        {"postmarket cybersecurity", model.management_plan->personnel, "management_plan"});
  }
  if (table.rows.empty()) {
    s.Paragraph(
        "No roles are recorded: add a 'document' section (author, approvals) and owners "
        "in the 'sdl' plan.");
  } else {
    s.AddTable(std::move(table));
  }
  return s;
}

Section Conclusion(const analysis::Analysis& analysis) {
  Section s{"conclusion", "Overall residual risk and benefit-risk", {}};
  if (analysis.risks.empty()) {
    s.Paragraph("No conclusion: the model states no security risks (add 'risks').");
    return s;
  }
  size_t acceptable = 0;
  std::vector<std::string> justified;
  std::vector<std::string> open;
  for (const risk::RiskResult& r : analysis.risks) {
    if (analysis.ResidualAcceptable(r)) {
      ++acceptable;
      if (r.has_residual && !r.risk->residual->justification.empty()) {
        justified.push_back("Risk " + r.risk->id + " (" + r.residual_level +
                            "): " + r.risk->residual->justification);
      }
    } else {
      open.push_back("Risk " + r.risk->id + " (" + r.residual_level + ")");
    }
  }
  s.Paragraph(std::to_string(acceptable) + " of " + std::to_string(analysis.risks.size()) +
              " security risks are acceptable after their measures and evidence.");
  if (open.empty()) {
    s.Paragraph(
        "Conclusion: the overall residual security risk is acceptable under the risk method's "
        "criteria; each residual risk that needs a justification has one, below.");
  } else {
    s.Paragraph("Conclusion: the overall residual security risk is NOT acceptable yet; open:");
    s.List(open);
  }
  if (!justified.empty()) {
    s.Paragraph("Benefit-risk statements of the residual risks accepted with a justification:");
    s.List(justified);
  }
  return s;
}

}  // namespace

Document RiskManagementReport(const SubmissionInput& input) {
  const analysis::Analysis& analysis = *input.analysis;
  Document d = Titled(input, "Security risk management report");
  d.sections.push_back(DocumentControlSection(analysis));
  d.sections.push_back(OverviewSection(analysis));
  Section plan = RiskMethodSection(analysis.model->risk_method);
  plan.title = "Plan: risk method and acceptance criteria";
  d.sections.push_back(std::move(plan));
  d.sections.push_back(Roles(analysis));
  d.sections.push_back(RiskEstimationSection(analysis));
  d.sections.push_back(ResidualRiskSection(analysis));
  d.sections.push_back(Conclusion(analysis));
  return d;
}

}  // namespace medtra::report::submission
