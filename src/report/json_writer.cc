// RenderJson: the report JSON (format "medtra-report", version 1) with stable keys and order.
#include <cmath>
#include <nlohmann/json.hpp>

#include "medtra/diag/diagnostic_json.h"
#include "medtra/report/document.h"
#include "medtra/version.h"

namespace medtra::report {
namespace {

using Json = nlohmann::ordered_json;

Json Location(const SourceLocation& location) {
  return {{"file", location.file}, {"line", location.line}, {"col", location.col}};
}

Json RiskJson(const analysis::Analysis& analysis, const analysis::RiskResult& r) {
  const model::Risk& risk = *r.risk;
  Json measures = Json::array();
  for (const std::string& id : risk.measures) {
    const model::Measure* m = analysis.model->FindMeasure(id);
    measures.push_back({{"id", id}, {"name", m ? m->name : id}, {"kind", m ? m->kind : ""}});
  }
  const auto& res = risk.residual;
  Json residual = {{"likelihood", res ? res->likelihood : risk.likelihood},
                   {"impact", res ? res->impact : risk.impact},
                   {"level", r.residual_level},
                   {"acceptable", r.residual_acceptable},
                   {"estimated", r.has_residual},
                   {"justification",
                    res && !res->justification.empty() ? Json(res->justification) : Json(nullptr)}};
  return {{"id", risk.id},
          {"asset", risk.asset},
          {"asset_name", r.asset_name},
          {"threat", risk.threat},
          {"vulnerability", risk.vulnerability},
          {"threat_event", risk.threat_event.empty() ? Json(nullptr) : Json(risk.threat_event)},
          {"breach", risk.breach},
          {"likelihood", risk.likelihood},
          {"impact", risk.impact},
          {"impact_description", risk.impact_description},
          {"level", r.level},
          {"acceptable", r.acceptable},
          {"measures", measures},
          {"residual", residual},
          {"safety_related", r.safety_related},
          {"hazard", risk.safety ? Json(risk.safety->hazard) : Json(nullptr)},
          {"data_breach", r.data_breach},
          {"location", Location(risk.location)}};
}

Json ThreatJson(const rules::Threat& t) {
  return {{"id", t.id},
          {"rule", t.rule},
          {"title", t.title},
          {"stride", t.stride},
          {"capec", t.capec},
          {"cwe", t.cwe},
          {"targets", t.targets},
          {"likelihood", t.likelihood.empty() ? Json(nullptr) : Json(t.likelihood)},
          {"inherent_status", rules::ThreatStatusName(t.inherent)},
          {"status", rules::ThreatStatusName(t.status)},
          {"measures", t.measures},
          {"risk", t.risk.empty() ? Json(nullptr) : Json(t.risk)},
          {"rationale", t.rationale.empty() ? Json(nullptr) : Json(t.rationale)}};
}

Json VulnerabilityJson(const risk::ScoredVulnerability& v) {
  auto or_null = [](const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); };
  return {{"id", v.id},
          {"title", v.title},
          {"cwe", v.cwe},
          {"affects", v.affects},
          {"risk", or_null(v.risk)},
          {"source", v.source},
          {"vector", v.vector},
          {"version", v.version},
          {"score", v.score},
          {"severity", v.severity},
          {"environmental_score", or_null(v.environmental_score)},
          {"environmental_severity", or_null(v.environmental_severity)},
          {"likelihood", v.likelihood},
          {"likelihood_value", std::round(v.likelihood_value * 10000) / 10000},
          {"rationale", v.rationale},
          {"location", Location(v.location)}};
}

Json MeasureJson(const analysis::MeasureResult& r) {
  const model::Measure& m = *r.measure;
  Json verifications = Json::array();
  for (const auto& v : r.verifications) {
    verifications.push_back({{"ref", v.ref}, {"status", v.status}, {"detail", v.detail}});
  }
  Json provides = Json::array();
  for (const auto& p : m.provides) {
    Json properties = Json::object();
    for (const auto& [key, value] : p.properties) properties[key] = value;
    provides.push_back({{"flow", p.flow}, {"properties", properties}});
  }
  return {{"id", m.id},
          {"name", m.name},
          {"kind", m.kind},
          {"risks", r.risks},
          {"provides", provides},
          {"essential_function_impact",
           m.essential_function_impact.empty() ? Json(nullptr) : Json(m.essential_function_impact)},
          {"verifications", verifications},
          {"verification_status", r.verification_status}};
}

}  // namespace

std::string RenderJson(const analysis::Analysis& analysis) {
  const model::SystemModel& model = *analysis.model;
  Json risks = Json::array();
  for (const auto& r : analysis.risks) risks.push_back(RiskJson(analysis, r));
  Json threats = Json::array();
  for (const auto& t : analysis.threats) threats.push_back(ThreatJson(t));
  Json measures = Json::array();
  for (const auto& m : analysis.measures) measures.push_back(MeasureJson(m));
  Json vulnerabilities = Json::array();
  for (const auto& v : analysis.vulnerabilities) vulnerabilities.push_back(VulnerabilityJson(v));
  Json findings = Json::array();
  for (const Diagnostic& f : analysis.findings) findings.push_back(DiagnosticToJson(f));
  const model::RiskMethod& method = model.risk_method;
  Json levels = Json::array();
  for (const auto& l : method.levels) {
    levels.push_back({{"name", l.name}, {"acceptable", l.acceptable}, {"meaning", l.meaning}});
  }
  Json matrix = Json::array();
  for (const auto& row : method.matrix) {
    Json cells = Json::array();
    for (int level : row) cells.push_back(method.levels[static_cast<size_t>(level)].name);
    matrix.push_back(cells);
  }
  Json out = {{"format", "medtra-report"},
              {"format_version", kReportFormatVersion},
              {"generator", std::string("medtra ") + kVersion},
              {"model_hash", model.content_hash},
              {"system", {{"id", model.system.id}, {"name", model.system.name}}},
              {"risk_method",
               {{"likelihood", method.likelihood},
                {"impact", method.impact},
                {"levels", levels},
                {"matrix", matrix}}},
              {"risks", risks},
              {"measures", measures},
              {"vulnerabilities", vulnerabilities},
              {"threats", threats},
              {"trace", trace::TraceMatrixJson(analysis.trace)},
              {"findings", findings}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace medtra::report
