// Report sections on risks: the source's two tables, the matrices, safety and data-breach links.
#include "medtra/base/strings.h"
#include "report/risk_matrix_svg.h"
#include "report/sections.h"

namespace medtra::report {
namespace {

std::string MeasureNames(const model::SystemModel& model, const model::Risk& risk) {
  std::vector<std::string> names;
  for (const std::string& id : risk.measures) {
    const model::Measure* m = model.FindMeasure(id);
    names.push_back(m != nullptr ? m->name : id);
  }
  return names.empty() ? "-" : Join(names, "; ");
}

std::string Acceptability(bool acceptable) { return acceptable ? "acceptable" : "not acceptable"; }

}  // namespace

Section RiskEstimationSection(const analysis::Analysis& analysis) {
  Section s{"risk-estimation", "Security risk estimation", {}};
  s.Paragraph("Risk = f(threat, vulnerability, impact), estimated on the design before measures.");
  Table table{
      {"Risk ID", "Asset", "Threat", "Vulnerability", "Likelihood", "Impact", "Breach", "Level"},
      {}};
  for (const auto& r : analysis.risks) {
    const model::Risk& risk = *r.risk;
    table.rows.push_back({risk.id, r.asset_name, risk.threat, risk.vulnerability, risk.likelihood,
                          ImpactText(risk.impact, risk.impact_description) +
                              (r.impact_limit.empty() ? "" : " (" + r.impact_limit + ")"),
                          risk.breach, r.level + " (" + Acceptability(r.acceptable) + ")"});
  }
  s.AddTable(std::move(table));
  return s;
}

Section ResidualRiskSection(const analysis::Analysis& analysis) {
  const model::SystemModel& model = *analysis.model;
  Section s{"residual-risk", "Residual security risk estimation", {}};
  s.Paragraph("The same risks after their measures.");
  Table table{{"Risk ID", "Asset", "Threat", "Measure", "Likelihood (Post-Mitigation)",
               "Impact (Post-Mitigation)", "Level"},
              {}};
  for (const auto& r : analysis.risks) {
    const model::Risk& risk = *r.risk;
    const std::string likelihood = r.has_residual ? risk.residual->likelihood : risk.likelihood;
    const std::string impact = r.has_residual ? risk.residual->impact : risk.impact;
    std::string level =
        r.residual_level + " (" + Acceptability(analysis.ResidualAcceptable(r)) + ")";
    if (r.has_residual && !risk.residual->justification.empty()) {
      level += "; justification: " + risk.residual->justification;
    }
    if (const verdict::RiskVerdict* v = analysis.VerdictFor(r)) {
      std::vector<std::string> lines;
      for (const verdict::Reason& reason : v->blocked_by) lines.push_back(reason.message);
      if (!lines.empty()) level += "; blocked by: " + Join(lines, "; ");
      if (lines.empty() && !v->because.empty()) level += "; because: " + Join(v->because, "; ");
    }
    table.rows.push_back({risk.id, r.asset_name, risk.threat, MeasureNames(model, risk),
                          r.has_residual ? likelihood : likelihood + " (no residual estimate)",
                          ImpactText(impact, risk.impact_description), level});
  }
  s.AddTable(std::move(table));
  return s;
}

Section RiskMatrixSection(const analysis::Analysis& analysis) {
  const model::RiskMethod& method = analysis.model->risk_method;
  std::vector<MatrixEntry> before;
  std::vector<MatrixEntry> after;
  Table table{{"Risk ID", "Before measures", "After measures"}, {}};
  for (const auto& r : analysis.risks) {
    const model::Risk& risk = *r.risk;
    before.push_back({risk.id, risk.likelihood, risk.impact});
    const auto& res = risk.residual;
    after.push_back(
        {risk.id, res ? res->likelihood : risk.likelihood, res ? res->impact : risk.impact});
    table.rows.push_back(
        {risk.id, r.level + " (" + risk.likelihood + " x " + risk.impact + ")",
         r.residual_level + " (" + after.back().likelihood + " x " + after.back().impact + ")"});
  }
  Section s{"risk-matrix", "Risk matrix before and after measures", {}};
  s.Figure("Each risk ID in the cell of its likelihood and impact on the design as built",
           RenderRiskMatrixSvg(method, before, "Before measures"));
  s.Figure("The same risks with their residual likelihood and impact",
           RenderRiskMatrixSvg(method, after, "After measures"));
  s.AddTable(std::move(table));
  return s;
}

Section SafetySection(const analysis::Analysis& analysis) {
  const model::SystemModel& model = *analysis.model;
  Section s{"safety", "Safety (ISO 14971) and data-breach links", {}};
  s.Paragraph(
      "A security risk whose impact can harm the patient is safety-related: it links to a "
      "hazard of the ISO 14971 risk file. A confidentiality breach of personal health data is a "
      "personal data breach to be notified under the GDPR.");
  Table table{{"Risk ID", "Safety-related", "Hazard", "Hazardous situation", "Harm",
               "Reportable data breach"},
              {}};
  for (const auto& r : analysis.risks) {
    const model::Risk& risk = *r.risk;
    const model::Hazard* hazard = risk.safety ? model.FindHazard(risk.safety->hazard) : nullptr;
    table.rows.push_back(
        {risk.id, YesNo(r.safety_related), hazard ? hazard->name + " (" + hazard->id + ")" : "-",
         hazard && !hazard->hazardous_situation.empty() ? hazard->hazardous_situation : "-",
         hazard && !hazard->harm.empty() ? hazard->harm : "-", YesNo(r.data_breach)});
  }
  s.AddTable(std::move(table));
  return s;
}

}  // namespace medtra::report
