// RenderThreatsCsv: report threats joined with threat_decisions, one CSV row each.
#include "medtra/interchange/threats_csv.h"

#include <map>

#include "report/escape.h"

namespace medtra::interchange {
namespace {

std::string Text(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (!value.is_array()) return value.dump();
  std::string out;
  for (const nlohmann::json& item : value) out += (out.empty() ? "" : " ") + Text(item);
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> ThreatTable(const Elements& elements,
                                                  const nlohmann::json& report) {
  static const std::map<std::string, nlohmann::json> kNone;
  const auto found = elements.find("threat_decisions");
  const auto& decisions = found == elements.end() ? kNone : found->second;
  std::map<std::string, nlohmann::json> threats;
  for (const nlohmann::json& threat : report.value("threats", nlohmann::json::array())) {
    threats[threat.value("id", "")] = threat;
  }
  std::vector<std::vector<std::string>> out = {
      {"id", "title", "targets", "status", "decision", "rationale", "risk", "measures", "ticket"}};
  for (const auto& [id, threat] : threats) {
    const auto decision = decisions.find(id);
    const nlohmann::json none = nlohmann::json::object();
    const nlohmann::json& d = decision == decisions.end() ? none : decision->second;
    out.push_back({id, Text(threat.value("title", nlohmann::json())),
                   Text(threat.value("targets", nlohmann::json())),
                   Text(threat.value("status", nlohmann::json())),
                   Text(d.value("decision", nlohmann::json())),
                   Text(threat.value("rationale", nlohmann::json())),
                   Text(threat.value("risk", nlohmann::json())),
                   Text(threat.value("measures", nlohmann::json())),
                   Text(d.value("ticket", nlohmann::json()))});
  }
  return out;
}

std::string RenderThreatsCsv(const Elements& elements, const nlohmann::json& report) {
  std::string out;
  for (const std::vector<std::string>& row : ThreatTable(elements, report)) {
    report::AppendCsvRow(row, &out);
  }
  return out;
}

}  // namespace medtra::interchange
