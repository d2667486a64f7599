// RenderSarif and WriteSarif: the findings as a SARIF 2.1.0 log, for code-scanning tools in CI.
// Streamed (one finding at a time), laid out as nlohmann's dump(2) would.
#include <map>

#include "medtra/report/document.h"
#include "medtra/version.h"
#include "report/json_stream.h"

namespace medtra::report {
namespace {

// SARIF's levels are our severity names.
std::string_view SarifLevel(Severity severity) { return SeverityName(severity); }

void WriteResult(const Diagnostic& f, int rule_index, JsonStream& j) {
  j.BeginObject();
  j.Key("ruleId");
  j.String(f.code);
  j.Key("ruleIndex");
  j.Int(rule_index);
  j.Key("level");
  j.String(SarifLevel(f.severity));
  j.Key("message");
  j.BeginObject();
  j.Key("text");
  j.String(f.message);
  j.EndObject();
  if (!f.location.file.empty()) {
    j.Key("locations");
    j.BeginArray();
    j.BeginObject();
    j.Key("physicalLocation");
    j.BeginObject();
    j.Key("artifactLocation");
    j.BeginObject();
    j.Key("uri");
    j.String(f.location.file);
    j.EndObject();
    if (f.location.known()) {
      j.Key("region");
      j.BeginObject();
      j.Key("startLine");
      j.Int(f.location.line);
      j.Key("startColumn");
      j.Int(std::max(f.location.col, 1));
      j.EndObject();
    }
    j.EndObject();
    j.EndObject();
    j.EndArray();
  }
  j.EndObject();
}

void WriteLog(const analysis::Analysis& analysis, JsonStream& j) {
  std::map<std::string_view, Severity> codes;  // sorted rule list
  for (const Diagnostic& f : analysis.findings) codes.emplace(f.code, f.severity);
  std::map<std::string_view, int> rule_index;
  j.BeginObject();
  j.Key("$schema");
  j.String("https://json.schemastore.org/sarif-2.1.0.json");
  j.Key("version");
  j.String("2.1.0");
  j.Key("runs");
  j.BeginArray();
  j.BeginObject();
  j.Key("tool");
  j.BeginObject();
  j.Key("driver");
  j.BeginObject();
  j.Key("name");
  j.String("medtra");
  j.Key("version");
  j.String(kVersion);
  j.Key("rules");
  j.BeginArray();
  for (const auto& [code, severity] : codes) {
    rule_index[code] = static_cast<int>(rule_index.size());
    j.BeginObject();
    j.Key("id");
    j.String(code);
    j.Key("defaultConfiguration");
    j.BeginObject();
    j.Key("level");
    j.String(SarifLevel(severity));
    j.EndObject();
    j.EndObject();
  }
  j.EndArray();
  j.EndObject();
  j.EndObject();
  j.Key("results");
  j.BeginArray();
  for (const Diagnostic& f : analysis.findings) {
    WriteResult(f, rule_index.at(f.code), j);
    j.Flush();
  }
  j.EndArray();
  j.EndObject();
  j.EndArray();
  j.EndObject();
}

}  // namespace

std::string RenderSarif(const analysis::Analysis& analysis) {
  return JsonText([&](JsonStream& j) { WriteLog(analysis, j); });
}

void WriteSarif(const analysis::Analysis& analysis, std::ostream& out) {
  WriteJsonText(out, [&](JsonStream& j) { WriteLog(analysis, j); });
}

}  // namespace medtra::report
