// ImportPytm: pytm's JSON (its input format, or the output of `tm.py --json`) -> medtra elements.
// pytm identifies elements by name; names may repeat, so ids are made unique and reported.
#include <array>

#include "interchange/import_common.h"
#include "medtra/interchange/import.h"

namespace medtra::interchange {
namespace {

// pytm findings carry a free-text `response`; these values count as decisions.
constexpr std::array<StatusRow, 7> kPytmResponses = {{{"", "open"},
                                                      {"open", "open"},
                                                      {"mitigated", "mitigated"},
                                                      {"accepted", "accepted"},
                                                      {"transferred", "transferred"},
                                                      {"not applicable", "not-applicable"},
                                                      {"false positive", "not-applicable"}}};

std::string KindFor(std::string_view pytm_class) {
  if (pytm_class == "Actor" || pytm_class == "ExternalEntity") return "external";
  if (pytm_class == "Server") return "server";
  if (pytm_class == "Datastore") return "database";
  if (pytm_class == "Lambda") return "cloud";
  return "other";
}

void Boundaries(ImportContext& c) {
  const nlohmann::json& boundaries = ArrayAt(c, c.doc.root, "", "boundaries");
  for (size_t i = 0; i < boundaries.size(); ++i) {
    const nlohmann::json& boundary = boundaries[i];
    const std::string name = Text(boundary, "name");
    ImportedElement zone = NewElement(c, PointerChild("/boundaries", i), name);
    if (c.ids.Find("zone", name).empty()) c.ids.Remember("zone", name, zone.id);
    zone.Set("name", name.empty() ? zone.id : name);
    KeepRest(boundary, {"name", "findings"}, &zone);
    c.model.zones.push_back(std::move(zone));
  }
}

void Elements(ImportContext& c) {
  const nlohmann::json& elements = ArrayAt(c, c.doc.root, "", "elements");
  for (size_t i = 0; i < elements.size(); ++i) {
    const nlohmann::json& element = elements[i];
    const std::string name = Text(element, "name");
    const std::string pointer = PointerChild("/elements", i);
    ImportedElement component = NewElement(c, pointer, name);
    if (c.ids.Find("element", name).empty()) {
      c.ids.Remember("element", name, component.id);
    } else {
      ReportUnmapped(c, pointer,
                     "pytm name '" + name +
                         "' is not unique; flows and findings "
                         "that name it go to the first one");
    }
    component.Set("name", name.empty() ? component.id : name);
    component.Set("kind", KindFor(Text(element, "__class__")));
    const std::string zone = c.ids.Find("zone", Text(element, "inBoundary"));
    if (!zone.empty()) component.Set("zone", zone);
    KeepRest(element, {"name", "inBoundary", "findings"}, &component);
    c.model.components.push_back(std::move(component));
  }
}

void Data(ImportContext& c) {
  const nlohmann::json& data = ArrayAt(c, c.doc.root, "", "data");
  for (size_t i = 0; i < data.size(); ++i) {
    const nlohmann::json& datum = data[i];
    const std::string name = Text(datum, "name");
    ImportedElement asset = NewElement(c, PointerChild("/data", i), name);
    if (c.ids.Find("data", name).empty()) c.ids.Remember("data", name, asset.id);
    asset.Set("name", name.empty() ? asset.id : name);
    asset.Set("kind", Truthy(datum, "isCredentials") ? "credential" : "data");
    KeepRest(datum, {"name", "carriedBy", "processedBy"}, &asset);
    c.model.assets.push_back(std::move(asset));
  }
}

void Flows(ImportContext& c) {
  const nlohmann::json& flows = ArrayAt(c, c.doc.root, "", "flows");
  for (size_t i = 0; i < flows.size(); ++i) {
    const nlohmann::json& flow = flows[i];
    const std::string pointer = PointerChild("/flows", i);
    const std::string name = Text(flow, "name");
    const std::string from = c.ids.Find("element", Text(flow, "source"));
    const std::string to = c.ids.Find("element", Text(flow, "sink"));
    if (from.empty() || to.empty() || from == to) {
      ReportUnmapped(c, pointer, "flow '" + name + "' does not join two elements; not imported");
      continue;
    }
    ImportedElement element = NewElement(c, pointer, name);
    if (c.ids.Find("flow", name).empty()) c.ids.Remember("flow", name, element.id);
    if (!name.empty()) element.Set("name", name);
    FlowDesign design;
    const std::string protocol = Text(flow, "protocol");
    if (const std::string medium = MediumFor(protocol, false); !medium.empty()) {
      design.medium = medium;
      design.stated.push_back("medium");
    }
    const nlohmann::json& encrypted = Member(Member(flow, "controls"), "isEncrypted").is_boolean()
                                          ? Member(Member(flow, "controls"), "isEncrypted")
                                          : Member(flow, "isEncrypted");
    if ((encrypted.is_boolean() && encrypted.get<bool>()) || EncryptingProtocol(protocol)) {
      design.confidentiality = "encrypted";
      design.stated.push_back("confidentiality");
    }
    SetFlowDesign(from, to, design, &element);
    SetCarries(c, flow, pointer, {"data"}, "data", &element);
    KeepRest(flow, {"name", "source", "sink", "data", "findings"}, &element);
    c.model.flows.push_back(std::move(element));
  }
}

void Findings(ImportContext& c) {
  const nlohmann::json& findings = ArrayAt(c, c.doc.root, "", "findings");
  for (size_t i = 0; i < findings.size(); ++i) {
    const nlohmann::json& finding = findings[i];
    const std::string target = Text(finding, "target");
    const std::string flow = c.ids.Find("flow", target);
    const std::string element = flow.empty() ? c.ids.Find("element", target) : flow;
    const std::string raw = Text(finding, "threat_id") + "-" + (element.empty() ? target : element);
    ImportedElement event =
        NewThreat(c, PointerChild("/findings", i), raw, Text(finding, "description"),
                  Text(finding, "details"), Text(finding, "response"), kPytmResponses);
    if (!flow.empty()) event.Set("via", nlohmann::json::array({flow}));
    KeepRest(finding, {"description", "details", "response", "condition"}, &event);
    c.model.threat_events.push_back(std::move(event));
  }
}

}  // namespace

std::optional<ImportedModel> ImportPytm(const LocatedDocument& doc, DiagnosticSink& sink) {
  ImportContext c{doc, sink, {}, {}};
  if (!RequireRoot(c, {"elements", "flows"}, "a pytm JSON")) return std::nullopt;
  c.model.system = NewSystem(c, Text(doc.root, "name"), Text(doc.root, "name"));
  // `actors` and `assets` of pytm's output repeat `elements`.
  KeepRest(doc.root,
           {"name", "boundaries", "elements", "actors", "assets", "data", "flows", "findings"},
           &c.model.system);
  Boundaries(c);
  Elements(c);
  Data(c);
  Flows(c);
  Findings(c);
  return std::move(c.model);
}

}  // namespace medtra::interchange
