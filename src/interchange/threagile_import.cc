// ImportThreagile: a Threagile model (YAML) -> medtra elements. Threagile names elements by the
// `id` inside each titled entry; risks are tracked by synthetic ids in `risk_tracking`.
#include <algorithm>
#include <array>
#include <map>

#include "interchange/import_common.h"
#include "medtra/interchange/import.h"

namespace medtra::interchange {
namespace {

constexpr std::array<StatusRow, 6> kTrackingStatuses = {{{"unchecked", "open"},
                                                         {"in-discussion", "open"},
                                                         {"in-progress", "open"},
                                                         {"accepted", "accepted"},
                                                         {"mitigated", "mitigated"},
                                                         {"false-positive", "not-applicable"}}};
constexpr std::array<StatusRow, 1> kIdentified = {{{"", "open"}}};

std::string ComponentKind(std::string_view type, std::string_view technology) {
  if (type == "external-entity") return "external";
  static constexpr std::array<KindRow, 14> kKinds = {{
      {"database", "database"},
      {"identity-store-database", "database"},
      {"web-server", "server"},
      {"web-application", "server"},
      {"application-server", "server"},
      {"browser", "workstation"},
      {"desktop", "workstation"},
      {"mobile-app", "mobile-app"},
      {"iot-device", "sensor"},
      {"gateway", "gateway"},
      {"reverse-proxy", "gateway"},
      {"load-balancer", "network-device"},
      {"waf", "network-device"},
      {"function", "cloud"},
  }};
  return KindOf(kKinds, technology);
}

std::string Authentication(std::string_view value) {
  if (value == "none") return "none";
  if (value == "client-certificate") return "certificate";
  return "password";  // credentials, session-id, token, two-factor, externalized: a secret
}

std::string IdOf(const std::string& title, const nlohmann::json& entry) {
  const std::string id = Text(entry, "id");
  return id.empty() ? title : id;
}

void DataAssets(ImportContext& c) {
  const nlohmann::json& assets = ObjectAt(c, c.doc.root, "", "data_assets");
  for (const auto& [title, asset] : assets.items()) {
    const std::string raw = IdOf(title, asset);
    ImportedElement element = NewElement(c, PointerChild("/data_assets", title), raw);
    c.ids.Remember("asset", raw, element.id);
    element.Set("name", title);
    element.Set("kind", "data");
    nlohmann::json protect = nlohmann::json::array();
    if (!Text(asset, "confidentiality").empty() && Text(asset, "confidentiality") != "public") {
      protect.push_back("confidentiality");
    }
    for (const char* property : {"integrity", "availability"}) {
      if (!Text(asset, property).empty() && Text(asset, property) != "archive") {
        protect.push_back(property);
      }
    }
    element.Set("protect", protect);
    if (!Text(asset, "description").empty()) element.Set("description", Text(asset, "description"));
    KeepRest(asset, {"id", "description"}, &element);
    c.model.assets.push_back(std::move(element));
  }
}

void Boundaries(ImportContext& c, std::map<std::string, std::string>* zone_of) {
  const nlohmann::json& boundaries = ObjectAt(c, c.doc.root, "", "trust_boundaries");
  for (const auto& [title, boundary] : boundaries.items()) {
    const std::string at = PointerChild("/trust_boundaries", title);
    ImportedElement zone = NewElement(c, at, IdOf(title, boundary));
    zone.Set("name", title);
    const std::string type = Text(boundary, "type");
    zone.Set("kind", type.rfind("network-cloud", 0) == 0 ? "cloud" : "other");
    for (const nlohmann::json& inside : ArrayAt(c, boundary, at, "technical_assets_inside")) {
      zone_of->emplace(ValueText(inside), zone.id);  // the first boundary that lists it
    }
    KeepRest(boundary, {"id"}, &zone);
    c.model.zones.push_back(std::move(zone));
  }
}

void Links(ImportContext& c, const std::string& at, const nlohmann::json& asset,
           const std::string& from) {
  const nlohmann::json& links = ObjectAt(c, asset, at, "communication_links");
  for (const auto& [title, link] : links.items()) {
    const std::string pointer = PointerChild(PointerChild(at, "communication_links"), title);
    const std::string to = c.ids.Find("component", Text(link, "target"));
    if (to.empty() || to == from) {
      ReportUnmapped(c, pointer,
                     "communication link '" + title +
                         "' has no other technical "
                         "asset as target; not imported");
      continue;
    }
    ImportedElement flow = NewElement(c, pointer, from + "-" + title);
    flow.Set("name", title);
    FlowDesign design;
    const std::string protocol = Text(link, "protocol");
    const std::string medium = MediumFor(protocol, Truthy(asset, "internet"));
    design.stated = {"confidentiality", "integrity"};
    if (!medium.empty()) {
      design.medium = medium;
      design.stated.push_back("medium");
    }
    if (EncryptingProtocol(protocol)) {
      design.confidentiality = "encrypted";
      design.integrity = "mac";
    }
    if (!Text(link, "authentication").empty()) {
      design.authentication = Authentication(Text(link, "authentication"));
      design.stated.push_back("authentication");
    }
    SetFlowDesign(from, to, design, &flow);
    if (Text(link, "authorization") == "technical-user" ||
        Text(link, "authorization") == "end-user-identity-propagation") {
      flow.Set("authorization", "role-based");
    }
    SetCarries(c, link, pointer, {"data_assets_sent", "data_assets_received"}, "asset", &flow);
    KeepRest(link, {"target", "authorization"}, &flow);
    c.model.flows.push_back(std::move(flow));
  }
}

void TechnicalAssets(ImportContext& c) {
  std::map<std::string, std::string> zone_of;
  const nlohmann::json& assets = ObjectAt(c, c.doc.root, "", "technical_assets");
  for (const auto& [title, asset] : assets.items()) {
    const std::string raw = IdOf(title, asset);
    ImportedElement component = NewElement(c, PointerChild("/technical_assets", title), raw);
    c.ids.Remember("component", raw, component.id);
    c.model.components.push_back(std::move(component));
  }
  Boundaries(c, &zone_of);
  size_t i = 0;
  for (const auto& [title, asset] : assets.items()) {
    ImportedElement& component = c.model.components[i++];
    component.Set("name", title);
    component.Set("kind", ComponentKind(Text(asset, "type"), Text(asset, "technology")));
    const auto zone = zone_of.find(IdOf(title, asset));
    if (zone != zone_of.end()) component.Set("zone", zone->second);
    KeepRest(asset, {"id", "communication_links"}, &component);
  }
  i = 0;
  for (const auto& [title, asset] : assets.items()) {
    const std::string id = c.model.components[i++].id;
    Links(c, PointerChild("/technical_assets", title), asset, id);
  }
}

void Risks(ImportContext& c) {
  const nlohmann::json& categories = ObjectAt(c, c.doc.root, "", "individual_risk_categories");
  for (const auto& [title, category] : categories.items()) {
    const std::string at = PointerChild("/individual_risk_categories", title);
    for (const auto& [risk_title, risk] : ObjectAt(c, category, at, "risks_identified").items()) {
      const std::string pointer = PointerChild(PointerChild(at, "risks_identified"), risk_title);
      ImportedElement event = NewThreat(c, pointer, IdOf(title, category) + "-" + risk_title,
                                        risk_title, Text(category, "description"), "", kIdentified);
      event.source["category"] = title;
      KeepRest(risk, {}, &event);
      c.model.threat_events.push_back(std::move(event));
    }
  }
  const nlohmann::json& tracking = ObjectAt(c, c.doc.root, "", "risk_tracking");
  for (const auto& [synthetic_id, entry] : tracking.items()) {
    ImportedElement event =
        NewThreat(c, PointerChild("/risk_tracking", synthetic_id), synthetic_id, synthetic_id,
                  Text(entry, "justification"), Text(entry, "status"), kTrackingStatuses);
    event.source["risk"] = synthetic_id;
    KeepRest(entry, {"status", "justification"}, &event);
    c.model.threat_events.push_back(std::move(event));
  }
}

}  // namespace

std::optional<ImportedModel> ImportThreagile(const LocatedDocument& doc, DiagnosticSink& sink) {
  ImportContext c{doc, sink, {}, {}};
  if (!RequireRoot(c, {"title", "technical_assets"}, "a Threagile")) return std::nullopt;
  c.model.system = NewSystem(c, Text(doc.root, "title"), Text(doc.root, "title"));
  KeepRest(doc.root,
           {"title", "data_assets", "technical_assets", "trust_boundaries",
            "individual_risk_categories", "risk_tracking"},
           &c.model.system);
  DataAssets(c);
  TechnicalAssets(c);
  Risks(c);
  return std::move(c.model);
}

}  // namespace medtra::interchange
