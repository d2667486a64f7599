// RenderJson: the report JSON (format "medtra-report", version 1) with stable keys and order,
// streamed into one string (no document in memory: a large model has tens of thousands of threats).
#include <cmath>

#include "medtra/report/document.h"
#include "medtra/report/paths_render.h"
#include "medtra/report/scan.h"
#include "medtra/report/trace_render.h"
#include "medtra/version.h"
#include "report/json_stream.h"

namespace medtra::report {
namespace {

void Location(JsonStream& j, const SourceLocation& location) {
  j.Key("location");
  j.BeginObject();
  j.Key("file");
  j.String(location.file);
  j.Key("line");
  j.Int(location.line);
  j.Key("col");
  j.Int(location.col);
  j.EndObject();
}

void Field(JsonStream& j, std::string_view key, std::string_view value) {
  j.Key(key);
  j.String(value);
}

void Field(JsonStream& j, std::string_view key, const std::vector<std::string>& values) {
  j.Key(key);
  j.Strings(values);
}

void FieldOrNull(JsonStream& j, std::string_view key, std::string_view value) {
  j.Key(key);
  j.StringOrNull(value);
}

/// An object of string fields, in the order given.
void StringObject(JsonStream& j,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  j.BeginObject();
  for (const auto& [key, value] : fields) Field(j, key, value);
  j.EndObject();
}

void Flag(JsonStream& j, std::string_view key, bool value) {
  j.Key(key);
  j.Bool(value);
}

void RiskJson(JsonStream& j, const analysis::Analysis& analysis, const risk::RiskResult& r) {
  const model::Risk& risk = *r.risk;
  j.BeginObject();
  Field(j, "id", risk.id);
  Field(j, "asset", risk.asset);
  Field(j, "asset_name", r.asset_name);
  Field(j, "threat", risk.threat);
  Field(j, "vulnerability", risk.vulnerability);
  FieldOrNull(j, "threat_event", risk.threat_event);
  Field(j, "breach", risk.breach);
  Field(j, "likelihood", risk.likelihood);
  Field(j, "impact", risk.impact);
  Field(j, "impact_description", risk.impact_description);
  Field(j, "effective_impact", r.effective_impact);
  FieldOrNull(j, "impact_limit", r.impact_limit);
  Field(j, "level", r.level);
  Flag(j, "acceptable", r.acceptable);
  j.Key("measures");
  j.BeginArray();
  for (const std::string& id : risk.measures) {
    const model::Measure* m = analysis.model->FindMeasure(id);
    j.BeginObject();
    Field(j, "id", id);
    Field(j, "name", m ? m->name : id);
    Field(j, "kind", m ? m->kind : "");
    j.EndObject();
  }
  j.EndArray();
  const auto& res = risk.residual;
  j.Key("residual");
  j.BeginObject();
  Field(j, "likelihood", res ? res->likelihood : risk.likelihood);
  Field(j, "impact", res ? res->impact : risk.impact);
  Field(j, "level", r.residual_level);
  Flag(j, "level_acceptable", r.residual_level_acceptable);
  Flag(j, "acceptable", analysis.ResidualAcceptable(r));
  Flag(j, "estimated", r.has_residual);
  FieldOrNull(j, "justification", res ? res->justification : "");
  const verdict::RiskVerdict* verdict = analysis.VerdictFor(r);
  j.Key("blocked_by");
  j.BeginArray();
  if (verdict != nullptr) {
    for (const verdict::Reason& reason : verdict->blocked_by) {
      StringObject(j, {{"kind", reason.kind},
                       {"id", reason.id},
                       {"status", reason.status},
                       {"message", reason.message}});
    }
  }
  j.EndArray();
  j.Key("because");
  j.Strings(verdict != nullptr ? verdict->because : std::vector<std::string>{});
  j.EndObject();
  Flag(j, "safety_related", r.safety_related);
  j.Key("hazard");
  if (risk.safety) {
    j.String(risk.safety->hazard);
  } else {
    j.Null();
  }
  Flag(j, "data_breach", r.data_breach);
  Location(j, risk.location);
  j.EndObject();
}

const std::vector<std::string> kNoRisks;

void DocumentJson(JsonStream& j, const std::optional<model::DocumentControl>& doc) {
  j.BeginObject();
  Field(j, "status", doc ? "controlled" : "draft");
  if (doc) {
    Field(j, "id", doc->id);
    Field(j, "revision", doc->revision);
    FieldOrNull(j, "date", doc->date);
    FieldOrNull(j, "author", doc->author);
    j.Key("approvals");
    j.BeginArray();
    for (const model::Approval& a : doc->approvals) {
      StringObject(j,
                   {{"name", a.name}, {"role", a.role}, {"date", a.date}, {"meaning", a.meaning}});
    }
    j.EndArray();
  }
  j.EndObject();
}

void ThreatJson(JsonStream& j, const rules::Threat& t, const std::vector<std::string>& proposed) {
  j.BeginObject();
  Field(j, "id", t.id);
  Field(j, "rule", t.rule);
  Field(j, "title", t.title);
  j.Key("stride");
  j.Strings(t.stride);
  j.Key("capec");
  j.Strings(t.capec);
  j.Key("cwe");
  j.Strings(t.cwe);
  j.Key("emb3d");
  j.Strings(t.emb3d);
  j.Key("targets");
  j.Strings(t.targets);
  FieldOrNull(j, "likelihood", t.likelihood);
  Field(j, "inherent_status", rules::ThreatStatusName(t.inherent));
  Field(j, "status", rules::ThreatStatusName(t.status));
  j.Key("measures");
  j.Strings(t.measures);
  FieldOrNull(j, "risk", t.risk);
  j.Key("proposed_risks");
  j.Strings(proposed);
  FieldOrNull(j, "rationale", t.rationale);
  j.EndObject();
}

void VulnerabilityJson(JsonStream& j, const risk::ScoredVulnerability& v) {
  j.BeginObject();
  Field(j, "id", v.id);
  Field(j, "title", v.title);
  Field(j, "cwe", v.cwe);
  Field(j, "affects", v.affects);
  FieldOrNull(j, "risk", v.risk);
  Field(j, "source", v.source);
  Field(j, "vector", v.vector);
  Field(j, "version", v.version);
  Field(j, "score", v.score);
  Field(j, "severity", v.severity);
  FieldOrNull(j, "environmental_score", v.environmental_score);
  FieldOrNull(j, "environmental_severity", v.environmental_severity);
  Field(j, "likelihood", v.likelihood);
  j.Key("likelihood_value");
  j.Double(std::round(v.likelihood_value * 10000) / 10000);
  Field(j, "rationale", v.rationale);
  Location(j, v.location);
  j.EndObject();
}

void MeasureJson(JsonStream& j, const analysis::MeasureResult& r) {
  const model::Measure& m = *r.measure;
  j.BeginObject();
  Field(j, "id", m.id);
  Field(j, "name", m.name);
  Field(j, "kind", m.kind);
  j.Key("risks");
  j.Strings(r.risks);
  j.Key("provides");
  j.BeginArray();
  for (const auto& p : m.provides) {
    j.BeginObject();
    Field(j, "flow", p.flow);
    j.Key("properties");
    j.BeginObject();
    for (const auto& [key, value] : p.properties) Field(j, key, value);
    j.EndObject();
    j.EndObject();
  }
  j.EndArray();
  FieldOrNull(j, "essential_function_impact", m.essential_function_impact);
  j.Key("verifications");
  j.BeginArray();
  for (const verify::RefResult& v : r.verifications) {
    j.BeginObject();
    Field(j, "ref", v.ref);
    Field(j, "kind", verify::RefKindName(v.kind));
    Field(j, "status", verify::StatusName(v.status));
    FieldOrNull(j, "subject", v.subject);
    FieldOrNull(j, "version", v.version);
    FieldOrNull(j, "date", v.date);
    FieldOrNull(j, "tester", v.tester);
    FieldOrNull(j, "independence", v.independence);
    Field(j, "source", v.source);
    Field(j, "detail", v.detail);
    Location(j, v.location);
    j.EndObject();
  }
  j.EndArray();
  Field(j, "verification_status", verify::StatusName(r.verification_status));
  j.EndObject();
}

void FindingJson(JsonStream& j, const Diagnostic& d) {
  j.BeginObject();
  Field(j, "severity", SeverityName(d.severity));
  Field(j, "code", d.code);
  Field(j, "message", d.message);
  Field(j, "file", d.location.file);
  j.Key("line");
  j.Int(d.location.line);
  j.Key("col");
  j.Int(d.location.col);
  j.EndObject();
}

void RiskMethodJson(JsonStream& j, const model::RiskMethod& method) {
  j.BeginObject();
  j.Key("likelihood");
  j.Strings(method.likelihood);
  j.Key("impact");
  j.Strings(method.impact);
  j.Key("levels");
  j.BeginArray();
  for (const auto& l : method.levels) {
    j.BeginObject();
    Field(j, "name", l.name);
    Flag(j, "acceptable", l.acceptable);
    Flag(j, "requires_justification", l.requires_justification);
    Field(j, "meaning", l.meaning);
    j.EndObject();
  }
  j.EndArray();
  j.Key("matrix");
  j.BeginArray();
  for (const auto& row : method.matrix) {
    j.BeginArray();
    for (int level : row) j.String(method.levels[static_cast<size_t>(level)].name);
    j.EndArray();
  }
  j.EndArray();
  j.EndObject();
}

/// Bytes per threat, about, to reserve the output once.
constexpr size_t kThreatBytes = 600;

void WriteReport(const analysis::Analysis& analysis, unsigned threads, JsonStream& j) {
  const model::SystemModel& model = *analysis.model;
  j.BeginObject();
  Field(j, "format", "medtra-report");
  j.Key("format_version");
  j.Int(kReportFormatVersion);
  Field(j, "generator", std::string("medtra ") + kVersion);
  Field(j, "model_hash", model.content_hash);
  j.Key("system");
  j.BeginObject();
  Field(j, "id", model.system.id);
  Field(j, "name", model.system.name);
  FieldOrNull(j, "version", model.system.version);
  j.EndObject();
  Field(j, "report_id", analysis.report_id);
  j.Key("inputs");
  j.BeginArray();
  for (const analysis::Input& input : analysis.inputs) {
    StringObject(j, {{"path", input.path}, {"sha256", input.sha256}, {"role", input.role}});
  }
  j.EndArray();
  j.Key("document");
  DocumentJson(j, model.document);
  j.Key("risk_method");
  RiskMethodJson(j, model.risk_method);
  j.Key("risks");
  j.BeginArray();
  for (const auto& r : analysis.risks) RiskJson(j, analysis, r);
  j.EndArray();
  j.Key("measures");
  j.BeginArray();
  for (const auto& m : analysis.measures) MeasureJson(j, m);
  j.EndArray();
  j.Key("vulnerabilities");
  j.BeginArray();
  for (const auto& v : analysis.vulnerabilities) VulnerabilityJson(j, v);
  j.EndArray();
  if (analysis.software) {
    // The scan's matches in the shape of `sbom scan` (docs/vulnerabilities.md).
    j.Key("software");
    j.Value(nlohmann::ordered_json::parse(ScanJson(*analysis.software, "")));
  }
  j.Key("threats");
  j.BeginArray();
  j.Items(analysis.threats.size(), threads, [&](JsonStream& s, size_t i) {
    const risk::ThreatProposal* proposal = analysis.links.ProposalFor(static_cast<uint32_t>(i));
    ThreatJson(s, analysis.threats[i], proposal != nullptr ? proposal->risks : kNoRisks);
  });
  j.EndArray();
  if (analysis.paths) {
    // `medtra paths --format json` without its header (docs/attack-paths.md).
    nlohmann::ordered_json paths = PathsJson(*analysis.paths, {}, analysis.threats);
    for (const char* key : {"format", "version", "model", "options"}) paths.erase(key);
    j.Key("paths");
    j.Value(paths);
  }
  j.Key("trace");
  j.Value(TraceMatrixJson(analysis.trace));
  j.Key("findings");
  j.BeginArray();
  j.Items(analysis.findings.size(), threads,
          [&](JsonStream& s, size_t i) { FindingJson(s, analysis.findings[i]); });
  j.EndArray();
  j.EndObject();
}

}  // namespace

std::string RenderJson(const analysis::Analysis& analysis, unsigned threads) {
  return JsonText([&](JsonStream& j) { WriteReport(analysis, threads, j); },
                  4096 + kThreatBytes * analysis.threats.size() + 300 * analysis.findings.size());
}

void WriteJson(const analysis::Analysis& analysis, std::ostream& out, unsigned threads) {
  WriteJsonText(out, [&](JsonStream& j) { WriteReport(analysis, threads, j); });
}

}  // namespace medtra::report
