// ImportOtm: Open Threat Model 0.2 (JSON or YAML) -> medtra elements.
#include <algorithm>
#include <array>

#include "interchange/import_common.h"
#include "medtra/interchange/import.h"
#include "medtra/model/schema.h"

namespace medtra::interchange {
namespace {

// OTM states are free strings; these are the ones its documentation and producers use.
constexpr std::array<StatusRow, 9> kOtmStates = {{{"exposed", "open"},
                                                  {"open", "open"},
                                                  {"", "open"},
                                                  {"mitigated", "mitigated"},
                                                  {"not-applicable", "not-applicable"},
                                                  {"not applicable", "not-applicable"},
                                                  {"accepted", "accepted"},
                                                  {"transferred", "transferred"},
                                                  {"implemented", "mitigated"}}};

bool Listed(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// A medtra kind written as the OTM type (an export of medtra's) is kept.
std::string ZoneKind(const std::string& type) {
  return Listed(model::schema::V1().zone_kinds, type) ? type : "other";
}

// The medtra attributes that an export of medtra's writes under OTM `attributes`: each is taken
// when its value is one of the vocabulary's (or a boolean, for boolean keys).
void StatedAttributes(
    const nlohmann::json& attributes,
    std::initializer_list<std::pair<const char*, const std::vector<std::string>*>> enums,
    std::initializer_list<const char*> booleans, ImportedElement* element) {
  for (const auto& [key, values] : enums) {
    const std::string value = Text(attributes, key);
    if (Listed(*values, value)) element->Set(key, value);
  }
  for (const char* key : booleans) {
    if (Member(attributes, key).is_boolean()) element->Set(key, Truthy(attributes, key));
  }
}

std::string ComponentKind(std::string_view type) {
  static constexpr std::array<KindRow, 8> kKinds = {{
      {"database", "database"},
      {"web-client", "external"},
      {"web-service", "server"},
      {"web-application", "server"},
      {"cloud", "cloud"},
      {"gateway", "gateway"},
      {"mobile-client", "mobile-app"},
      {"workstation", "workstation"},
  }};
  if (Listed(model::schema::V1().component_kinds, std::string(type))) return std::string(type);
  return KindOf(kKinds, type);
}

void Zones(ImportContext& c) {
  const nlohmann::json& zones = ArrayAt(c, c.doc.root, "", "trustZones");
  for (size_t i = 0; i < zones.size(); ++i) {
    const std::string at = PointerChild("/trustZones", i);
    const nlohmann::json& zone = zones[i];
    ImportedElement element = NewElement(c, at, Text(zone, "id"));
    c.ids.Remember("element", Text(zone, "id"), element.id);
    c.ids.Remember("zone", Text(zone, "id"), element.id);
    element.Set("name", Text(zone, "name").empty() ? element.id : Text(zone, "name"));
    element.Set("kind", ZoneKind(Text(zone, "type")));
    KeepRest(zone, {"id", "name"}, &element);
    c.model.zones.push_back(std::move(element));
  }
}

void Components(ImportContext& c) {
  const nlohmann::json& components = ArrayAt(c, c.doc.root, "", "components");
  for (size_t i = 0; i < components.size(); ++i) {
    const std::string at = PointerChild("/components", i);
    const nlohmann::json& component = components[i];
    ImportedElement element = NewElement(c, at, Text(component, "id"));
    c.ids.Remember("element", Text(component, "id"), element.id);
    c.ids.Remember("component", Text(component, "id"), element.id);
    element.Set("name", Text(component, "name").empty() ? element.id : Text(component, "name"));
    element.Set("kind", ComponentKind(Text(component, "type")));
    const std::string zone = c.ids.Find("zone", Text(Member(component, "parent"), "trustZone"));
    if (!zone.empty()) element.Set("zone", zone);
    const model::schema::Vocabulary& v = model::schema::V1();
    StatedAttributes(Member(component, "attributes"),
                     {{"debug_port", &v.debug_port},
                      {"update", &v.update},
                      {"credentials", &v.credentials},
                      {"keys", &v.keys},
                      {"instances", &v.instances}},
                     {"audit_log", "wakeup_limit"}, &element);
    KeepRest(component, {"id", "name", "threats"}, &element);
    c.model.components.push_back(std::move(element));
  }
}

void Assets(ImportContext& c) {
  const nlohmann::json& assets = ArrayAt(c, c.doc.root, "", "assets");
  for (size_t i = 0; i < assets.size(); ++i) {
    const nlohmann::json& asset = assets[i];
    ImportedElement element = NewElement(c, PointerChild("/assets", i), Text(asset, "id"));
    c.ids.Remember("asset", Text(asset, "id"), element.id);
    element.Set("name", Text(asset, "name").empty() ? element.id : Text(asset, "name"));
    const std::string kind = Text(Member(asset, "attributes"), "kind");
    element.Set("kind", Listed(model::schema::V1().asset_kinds, kind) ? kind : "data");
    StatedAttributes(Member(asset, "attributes"), {}, {"personal_health_data"}, &element);
    nlohmann::json protect = nlohmann::json::array();
    for (const char* property : {"confidentiality", "integrity", "availability"}) {
      const nlohmann::json& rating = Member(Member(asset, "risk"), property);
      if (rating.is_number() && rating.get<double>() > 0) protect.push_back(property);
    }
    element.Set("protect", protect);
    if (!Text(asset, "description").empty()) element.Set("description", Text(asset, "description"));
    KeepRest(asset, {"id", "name", "description"}, &element);
    c.model.assets.push_back(std::move(element));
  }
}

// The flow design an export of medtra's states in `attributes`; the rest is assumed.
FlowDesign StatedDesign(const nlohmann::json& attributes) {
  const model::schema::Vocabulary& v = model::schema::V1();
  FlowDesign design;
  const std::pair<std::string*, std::pair<const char*, const std::vector<std::string>*>> keys[] = {
      {&design.medium, {"medium", &v.media}},
      {&design.authentication, {"authentication", &v.authentication}},
      {&design.confidentiality, {"confidentiality", &v.confidentiality}},
      {&design.integrity, {"integrity", &v.integrity}},
      {&design.freshness, {"freshness", &v.freshness}}};
  for (const auto& [field, key] : keys) {
    const std::string value = Text(attributes, key.first);
    if (!Listed(*key.second, value)) continue;
    *field = value;
    design.stated.push_back(key.first);
  }
  return design;
}

void Flows(ImportContext& c) {
  const nlohmann::json& flows = ArrayAt(c, c.doc.root, "", "dataflows");
  for (size_t i = 0; i < flows.size(); ++i) {
    const std::string at = PointerChild("/dataflows", i);
    const nlohmann::json& flow = flows[i];
    const std::string from = c.ids.Find("component", Text(flow, "source"));
    const std::string to = c.ids.Find("component", Text(flow, "destination"));
    if (from.empty() || to.empty() || from == to) {
      ReportUnmapped(
          c, at, "dataflow '" + Text(flow, "id") + "' does not join two components; not imported");
      continue;
    }
    ImportedElement element = NewElement(c, at, Text(flow, "id"));
    c.ids.Remember("flow", Text(flow, "id"), element.id);
    if (!Text(flow, "name").empty()) element.Set("name", Text(flow, "name"));
    SetFlowDesign(from, to, StatedDesign(Member(flow, "attributes")), &element);
    const model::schema::Vocabulary& v = model::schema::V1();
    StatedAttributes(Member(flow, "attributes"),
                     {{"authorization", &v.authorization}, {"availability", &v.availability}},
                     {"memory_access", "therapy_commands", "wakeup"}, &element);
    SetCarries(c, flow, at, {"assets"}, "asset", &element);
    KeepRest(flow, {"id", "name", "source", "destination", "threats"}, &element);
    c.model.flows.push_back(std::move(element));
  }
}

// The threat instances of components and dataflows, then the threats no element names.
void Threats(ImportContext& c) {
  const nlohmann::json& threats = ArrayAt(c, c.doc.root, "", "threats");
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < threats.size(); ++i) index[Text(threats[i], "id")] = i;
  std::vector<bool> instantiated(threats.size(), false);
  for (const char* section : {"components", "dataflows"}) {
    const nlohmann::json& elements = ArrayAt(c, c.doc.root, "", section);
    for (size_t e = 0; e < elements.size(); ++e) {
      const std::string at = PointerChild(PointerChild("", section), e);
      const std::string owner = Text(elements[e], "id");
      const nlohmann::json& instances = ArrayAt(c, elements[e], at, "threats");
      for (size_t t = 0; t < instances.size(); ++t) {
        const std::string where = PointerChild(PointerChild(at, "threats"), t);
        const std::string threat_id = Text(instances[t], "threat");
        const auto found = index.find(threat_id);
        const nlohmann::json& threat =
            found == index.end() ? Member({}, "") : threats[found->second];
        if (found == index.end()) {
          ReportUnmapped(c, where,
                         "threat '" + threat_id +
                             "' is not in 'threats'; its text is "
                             "not stated");
        } else {
          instantiated[found->second] = true;
        }
        ImportedElement event = NewThreat(
            c, where, threat_id.ends_with("@" + owner) ? threat_id : threat_id + "-" + owner,
            Text(threat, "name"), Text(threat, "description"), Text(instances[t], "state"),
            kOtmStates);
        const std::string flow = c.ids.Find("flow", owner);
        if (std::string_view(section) == "dataflows" && !flow.empty()) {
          event.Set("via", nlohmann::json::array({flow}));
        }
        event.source["threat"] = threat_id;
        event.source["element"] = owner;
        KeepRest(instances[t], {"threat", "state"}, &event);
        KeepRest(threat, {"id", "name", "description"}, &event);
        c.model.threat_events.push_back(std::move(event));
      }
    }
  }
  for (size_t i = 0; i < threats.size(); ++i) {
    if (instantiated[i]) continue;
    const nlohmann::json& threat = threats[i];
    ImportedElement event =
        NewThreat(c, PointerChild("/threats", i), Text(threat, "id"), Text(threat, "name"),
                  Text(threat, "description"), "", kOtmStates);
    event.notes.push_back("no component or dataflow of the source names this threat");
    KeepRest(threat, {"id", "name", "description"}, &event);
    c.model.threat_events.push_back(std::move(event));
  }
}

}  // namespace

std::optional<ImportedModel> ImportOtm(const LocatedDocument& doc, DiagnosticSink& sink) {
  ImportContext c{doc, sink, {}, {}};
  if (!RequireRoot(c, {"otmVersion", "project"}, "an OTM")) return std::nullopt;
  const nlohmann::json& project = ObjectAt(c, doc.root, "", "project");
  c.model.system = NewSystem(c, Text(project, "id"), Text(project, "name"));
  KeepRest(project, {"id", "name"}, &c.model.system);
  KeepRest(doc.root, {"project", "trustZones", "components", "assets", "dataflows", "threats"},
           &c.model.system);
  Zones(c);
  Components(c);
  Assets(c);
  Flows(c);
  Threats(c);
  return std::move(c.model);
}

}  // namespace medtra::interchange
