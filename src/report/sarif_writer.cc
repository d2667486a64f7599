// RenderSarif: the findings as a SARIF 2.1.0 log, for code-scanning tools in CI.
#include <map>
#include <nlohmann/json.hpp>

#include "medtra/report/document.h"
#include "medtra/version.h"

namespace medtra::report {
namespace {

using Json = nlohmann::ordered_json;

// SARIF's levels are our severity names.
std::string SarifLevel(Severity severity) { return std::string(SeverityName(severity)); }

}  // namespace

std::string RenderSarif(const analysis::Analysis& analysis) {
  std::map<std::string, Severity> codes;  // sorted rule list
  for (const Diagnostic& f : analysis.findings) codes.emplace(f.code, f.severity);
  Json rules = Json::array();
  std::map<std::string, int> rule_index;
  for (const auto& [code, severity] : codes) {
    rule_index[code] = static_cast<int>(rules.size());
    rules.push_back({{"id", code}, {"defaultConfiguration", {{"level", SarifLevel(severity)}}}});
  }
  Json results = Json::array();
  for (const Diagnostic& f : analysis.findings) {
    Json result = {{"ruleId", f.code},
                   {"ruleIndex", rule_index[f.code]},
                   {"level", SarifLevel(f.severity)},
                   {"message", {{"text", f.message}}}};
    if (!f.location.file.empty()) {
      Json physical = {{"artifactLocation", {{"uri", f.location.file}}}};
      if (f.location.known()) {
        physical["region"] = {{"startLine", f.location.line},
                              {"startColumn", std::max(f.location.col, 1)}};
      }
      result["locations"] = Json::array({{{"physicalLocation", physical}}});
    }
    results.push_back(std::move(result));
  }
  Json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       Json::array(
           {{{"tool", {{"driver", {{"name", "medtra"}, {"version", kVersion}, {"rules", rules}}}}},
             {"results", results}}})}};
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace medtra::report
