// RenderCsv: the risk register, one row per risk, cells escaped by EscapeCsv, CRLF line ends.
#include "medtra/base/strings.h"
#include "medtra/report/document.h"
#include "report/escape.h"

namespace medtra::report {
namespace {

std::string BlockedBy(const analysis::Analysis& analysis, const risk::RiskResult& r) {
  std::vector<std::string> reasons;
  if (const verdict::RiskVerdict* v = analysis.VerdictFor(r)) {
    for (const verdict::Reason& reason : v->blocked_by) reasons.push_back(reason.message);
  }
  return Join(reasons, "; ");
}

}  // namespace

std::string RenderCsv(const analysis::Analysis& analysis) {
  std::string out;
  const std::vector<std::string> header = {"risk_id",
                                           "asset",
                                           "asset_name",
                                           "threat",
                                           "vulnerability",
                                           "threat_event",
                                           "breach",
                                           "likelihood",
                                           "impact",
                                           "impact_description",
                                           "level",
                                           "acceptable",
                                           "measures",
                                           "measure_names",
                                           "residual_likelihood",
                                           "residual_impact",
                                           "residual_level",
                                           "residual_acceptable",
                                           "blocked_by",
                                           "safety_related",
                                           "hazard",
                                           "data_breach"};
  AppendCsvRow(header, &out);
  for (const auto& r : analysis.risks) {
    const model::Risk& risk = *r.risk;
    std::vector<std::string> names;
    for (const std::string& id : risk.measures) {
      const model::Measure* m = analysis.model->FindMeasure(id);
      names.push_back(m ? m->name : id);
    }
    const auto& res = risk.residual;
    const std::vector<std::string> row = {risk.id,
                                          risk.asset,
                                          r.asset_name,
                                          risk.threat,
                                          risk.vulnerability,
                                          risk.threat_event,
                                          risk.breach,
                                          risk.likelihood,
                                          risk.impact,
                                          risk.impact_description,
                                          r.level,
                                          r.acceptable ? "yes" : "no",
                                          Join(risk.measures, ";"),
                                          Join(names, ";"),
                                          res ? res->likelihood : "",
                                          res ? res->impact : "",
                                          r.residual_level,
                                          analysis.ResidualAcceptable(r) ? "yes" : "no",
                                          BlockedBy(analysis, r),
                                          r.safety_related ? "yes" : "no",
                                          risk.safety ? risk.safety->hazard : "",
                                          r.data_breach ? "yes" : "no"};
    AppendCsvRow(row, &out);
  }
  return out;
}

}  // namespace medtra::report
