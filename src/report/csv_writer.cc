// RenderCsv: the risk register, one row per risk, RFC 4180 quoting, CRLF line ends.
#include "medtra/base/strings.h"
#include "medtra/report/document.h"

namespace medtra::report {
namespace {

std::string BlockedBy(const analysis::Analysis& analysis, const risk::RiskResult& r) {
  std::vector<std::string> reasons;
  if (const verdict::RiskVerdict* v = analysis.VerdictFor(r)) {
    for (const verdict::Reason& reason : v->blocked_by) reasons.push_back(reason.message);
  }
  return Join(reasons, "; ");
}

std::string Field(const std::string& value) {
  // Quote every field that needs it; neutralise spreadsheet formulas (=, +, -, @ at the start).
  std::string text = value;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
    text = "'" + text;
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void Row(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) *out += ',';
    *out += Field(fields[i]);
  }
  *out += "\r\n";
}

}  // namespace

std::string RenderCsv(const analysis::Analysis& analysis) {
  std::string out;
  Row({"risk_id",
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
       "data_breach"},
      &out);
  for (const auto& r : analysis.risks) {
    const model::Risk& risk = *r.risk;
    std::vector<std::string> names;
    for (const std::string& id : risk.measures) {
      const model::Measure* m = analysis.model->FindMeasure(id);
      names.push_back(m ? m->name : id);
    }
    const auto& res = risk.residual;
    Row({risk.id,
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
         r.data_breach ? "yes" : "no"},
        &out);
  }
  return out;
}

}  // namespace medtra::report
