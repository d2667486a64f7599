// ExportOtm: elements and report JSON -> OTM 0.2 (see docs/interchange.md, "Export").
#include "medtra/interchange/otm_export.h"

#include <algorithm>

namespace medtra::interchange {
namespace {

using Json = nlohmann::ordered_json;

const std::map<std::string, nlohmann::json>& Section(const Elements& elements,
                                                     const std::string& name) {
  static const std::map<std::string, nlohmann::json> kNone;
  const auto found = elements.find(name);
  return found == elements.end() ? kNone : found->second;
}

std::string Str(const nlohmann::json& attributes, const char* key, const std::string& fallback) {
  const auto found = attributes.find(key);
  if (found == attributes.end() || found->is_null()) return fallback;
  return found->is_string() ? found->get<std::string>() : found->dump();
}

// Scalar attributes not named in `used`, as OTM attributes (medtra keys and values).
Json Attributes(const nlohmann::json& attributes, std::initializer_list<std::string_view> used) {
  Json out = Json::object();
  for (const auto& [key, value] : attributes.items()) {
    if (std::find(used.begin(), used.end(), key) != used.end()) continue;
    out[key] = value;
  }
  return out;
}

// medtra threat status -> OTM state (the import's table read backwards).
std::string State(const std::string& status) { return status == "open" ? "exposed" : status; }

// A level's position on its scale as OTM's 0-100 number: the highest is 100.
double Scaled(const nlohmann::json& scale, const nlohmann::json& level) {
  if (!scale.is_array() || scale.empty() || !level.is_string()) return 0;
  for (size_t i = 0; i < scale.size(); ++i) {
    if (scale[i] == level) return 100.0 * static_cast<double>(i + 1) / scale.size();
  }
  return 0;
}

Json Threats(const nlohmann::json& report, Json* components, Json* dataflows) {
  std::map<std::string, nlohmann::json> risks;
  for (const nlohmann::json& risk : report.value("risks", nlohmann::json::array())) {
    risks[risk.value("id", "")] = risk;
  }
  const nlohmann::json method = report.value("risk_method", nlohmann::json::object());
  Json threats = Json::array();
  for (const nlohmann::json& threat : report.value("threats", nlohmann::json::array())) {
    const std::string id = threat.value("id", "");
    const nlohmann::json risk_id = threat.value("risk", nlohmann::json());
    const nlohmann::json risk =
        risk_id.is_string() && risks.count(risk_id) ? risks[risk_id] : nlohmann::json();
    threats.push_back(
        {{"id", id},
         {"name", threat.value("title", id)},
         {"categories", threat.value("stride", nlohmann::json::array())},
         {"cwes", threat.value("cwe", nlohmann::json::array())},
         {"risk",
          {{"likelihood", Scaled(method.value("likelihood", nlohmann::json()),
                                 threat.value("likelihood", nlohmann::json()))},
           {"impact", risk.is_null() ? 0.0
                                     : Scaled(method.value("impact", nlohmann::json()),
                                              risk.value("impact", nlohmann::json()))}}},
         {"attributes", {{"rule", threat.value("rule", "")}, {"risk", risk_id}}}});
    Json mitigations = Json::array();
    for (const nlohmann::json& measure : threat.value("measures", nlohmann::json::array())) {
      mitigations.push_back({{"mitigation", measure}, {"state", "implemented"}});
    }
    const Json instance = {{"threat", id},
                           {"state", State(threat.value("status", "open"))},
                           {"mitigations", mitigations}};
    const nlohmann::json targets = threat.value("targets", nlohmann::json::array());
    if (targets.empty()) continue;
    // The first target's id (a string in the report); compared as text, since ordered and plain
    // JSON values do not compare with each other.
    const std::string target = targets[0].is_string() ? targets[0].get<std::string>() : "";
    for (Json* elements : {components, dataflows}) {
      for (Json& element : *elements) {
        if (element.value("id", "") == target) element["threats"].push_back(instance);
      }
    }
  }
  return threats;
}

}  // namespace

Json ExportOtm(const Elements& elements, const nlohmann::json& report) {
  Json otm = {{"otmVersion", "0.2.0"}};
  for (const auto& [id, system] : Section(elements, "system")) {
    otm["project"] = {{"name", Str(system, "name", id)},
                      {"id", id},
                      {"description", Str(system, "intended_use", "")},
                      {"attributes", Attributes(system, {"name", "intended_use"})}};
  }
  Json zones = Json::array();
  for (const auto& [id, zone] : Section(elements, "zones")) {
    zones.push_back({{"id", id},
                     {"name", Str(zone, "name", id)},
                     {"type", Str(zone, "kind", "other")},
                     {"risk", {{"trustRating", 0}}},
                     {"attributes", Attributes(zone, {"name", "kind"})}});
  }
  otm["trustZones"] = zones;
  Json components = Json::array();
  for (const auto& [id, component] : Section(elements, "components")) {
    Json parent = Json::object();
    if (component.contains("zone")) parent["trustZone"] = Str(component, "zone", "");
    components.push_back({{"id", id},
                          {"name", Str(component, "name", id)},
                          {"type", Str(component, "kind", "other")},
                          {"parent", parent},
                          {"threats", Json::array()},
                          {"attributes", Attributes(component, {"name", "kind", "zone"})}});
  }
  Json assets = Json::array();
  for (const auto& [id, asset] : Section(elements, "assets")) {
    const nlohmann::json protect = asset.value("protect", nlohmann::json::array());
    const auto rating = [&](const char* property) {
      return std::find(protect.begin(), protect.end(), property) != protect.end() ? 100 : 0;
    };
    assets.push_back({{"id", id},
                      {"name", Str(asset, "name", id)},
                      {"description", Str(asset, "description", "")},
                      {"risk",
                       {{"confidentiality", rating("confidentiality")},
                        {"integrity", rating("integrity")},
                        {"availability", rating("availability")}}},
                      {"attributes", Attributes(asset, {"name", "description", "protect"})}});
  }
  otm["assets"] = assets;
  Json dataflows = Json::array();
  for (const auto& [id, flow] : Section(elements, "flows")) {
    const nlohmann::json between = flow.value("between", nlohmann::json::array());
    dataflows.push_back({{"id", id},
                         {"name", Str(flow, "name", id)},
                         {"bidirectional", false},
                         {"source", between.size() == 2 ? between[0] : nlohmann::json("")},
                         {"destination", between.size() == 2 ? between[1] : nlohmann::json("")},
                         {"assets", flow.value("carries", nlohmann::json::array())},
                         {"threats", Json::array()},
                         {"attributes", Attributes(flow, {"name", "between", "carries"})}});
  }
  otm["threats"] = Threats(report, &components, &dataflows);
  otm["components"] = components;
  otm["dataflows"] = dataflows;
  Json mitigations = Json::array();
  for (const auto& [id, measure] : Section(elements, "measures")) {
    mitigations.push_back({{"id", id},
                           {"name", Str(measure, "name", id)},
                           {"description", Str(measure, "instructions", "")},
                           {"riskReduction", 0},
                           {"attributes", Attributes(measure, {"name", "instructions"})}});
  }
  otm["mitigations"] = mitigations;
  return otm;
}

}  // namespace medtra::interchange
