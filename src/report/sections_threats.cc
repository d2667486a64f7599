// Report section on the threats derived by the rule catalog.
#include "medtra/base/strings.h"
#include "medtra/report/dfd.h"
#include "report/sections.h"

namespace medtra::report {
namespace {

// The risk that assesses a threat, the decision that stands in for one, or what is missing.
std::string RiskCell(const analysis::Analysis& analysis, uint32_t i) {
  const rules::Threat& t = analysis.threats[i];
  if (!t.risk.empty()) return t.risk;
  if (risk::IsDecided(t)) return "- (decided: " + t.rationale + ")";
  if (!risk::NeedsAssessment(t)) return "-";
  const risk::ThreatProposal* proposal = analysis.links.ProposalFor(i);
  return proposal != nullptr ? "UNASSESSED (proposed: " + Join(proposal->risks, ", ") + ")"
                             : "UNASSESSED";
}

}  // namespace

Section ThreatsSection(const analysis::Analysis& analysis) {
  Section s{"threats", "Derived threats", {}};
  if (analysis.threats.empty()) {
    s.Paragraph("No threats were derived.");
    return s;
  }
  Table table{{"Threat ID", "Title", "STRIDE", "CAPEC", "CWE", "Before measures", "Status",
               "Measures", "Risk"},
              {}};
  for (uint32_t i = 0; i < analysis.threats.size(); ++i) {
    const rules::Threat& t = analysis.threats[i];
    table.rows.push_back({t.id, t.title, Join(t.stride, ", "), Join(t.capec, ", "),
                          Join(t.cwe, ", "), std::string(rules::ThreatStatusName(t.inherent)),
                          std::string(rules::ThreatStatusName(t.status)),
                          t.measures.empty() ? "-" : Join(t.measures, ", "),
                          RiskCell(analysis, i)});
  }
  s.AddTable(std::move(table));
  if (Result<std::string> svg = RenderDfdSvg(analysis); svg.ok()) {
    s.Figure(
        "Data-flow diagram: zones as clusters, each flow coloured by its worst open threat "
        "(red: high likelihood, orange: medium, gold: low, green: all mitigated or decided, "
        "grey: no threat); report.dot holds the same diagram as Graphviz DOT.",
        std::move(svg).value());
  } else {
    s.Paragraph("Data-flow diagram not drawn: " + svg.message());
  }
  return s;
}

}  // namespace medtra::report
