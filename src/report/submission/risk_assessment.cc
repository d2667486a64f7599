// The cybersecurity risk assessment: pre- and post-measure, with exploitability as the likelihood
// and the verdict on each residual risk.
#include "medtra/base/strings.h"
#include "report/submission/documents.h"

namespace medtra::report::submission {
namespace {

Section Register(const analysis::Analysis& analysis) {
  Section s{"risk-register", "Risk register", {}};
  s.Paragraph(
      "Likelihood is the exploitability of the threat in the intended environment (not a "
      "probability): the ordinal scale of the risk method, with CVSS exploitability mapped onto "
      "it for scored vulnerabilities.");
  Table table{{"Risk ID", "Asset", "Breach", "Exploitability (pre)", "Impact (pre)", "Level (pre)",
               "Measures", "Exploitability (post)", "Impact (post)", "Level (post)", "Verdict"},
              {}};
  for (const risk::RiskResult& r : analysis.risks) {
    const model::Risk& risk = *r.risk;
    table.rows.push_back({risk.id, r.asset_name, risk.breach, risk.likelihood, risk.impact, r.level,
                          risk.measures.empty() ? "-" : Join(risk.measures, ", "),
                          r.has_residual ? risk.residual->likelihood : "-",
                          r.has_residual ? risk.residual->impact : "-", r.residual_level,
                          analysis.ResidualAcceptable(r) ? "acceptable" : "not acceptable"});
  }
  if (table.rows.empty()) {
    s.Paragraph("No risks: the model states no security risks (add 'risks').");
  } else {
    s.AddTable(std::move(table));
  }
  return s;
}

}  // namespace

Document RiskAssessment(const SubmissionInput& input) {
  const analysis::Analysis& analysis = *input.analysis;
  Document d = Titled(input, "Cybersecurity risk assessment");
  d.sections.push_back(Register(analysis));
  d.sections.push_back(RiskMatrixSection(analysis));
  d.sections.push_back(ResidualRiskSection(analysis));
  d.sections.push_back(SafetySection(analysis));
  d.sections.push_back(VulnerabilitiesSection(analysis));
  return d;
}

}  // namespace medtra::report::submission
