// ImportThreatDragon: OWASP Threat Dragon 2.x models -> medtra elements.
#include <array>

#include "interchange/import_common.h"
#include "medtra/interchange/import.h"

namespace medtra::interchange {
namespace {

// Threat Dragon's threat statuses (its editor offers Open, Mitigated and Not Applicable).
constexpr std::array<StatusRow, 5> kDragonStatuses = {{{"Open", "open"},
                                                       {"", "open"},
                                                       {"Mitigated", "mitigated"},
                                                       {"NotApplicable", "not-applicable"},
                                                       {"N/A", "not-applicable"}}};

// The cell's element type: data.type ("tm.Process"), else its shape ("process").
std::string CellType(const nlohmann::json& cell) {
  const std::string type = Text(Member(cell, "data"), "type");
  if (!type.empty()) return type;
  const std::string shape = Text(cell, "shape");
  if (shape == "actor") return "tm.Actor";
  if (shape == "process") return "tm.Process";
  if (shape == "store") return "tm.Store";
  if (shape == "flow") return "tm.Flow";
  if (shape.rfind("trust-boundary", 0) == 0) return "tm.Boundary";
  return shape;
}

std::string KindFor(std::string_view type) {
  if (type == "tm.Actor") return "external";
  if (type == "tm.Store") return "database";
  return "other";
}

std::string CellName(const nlohmann::json& cell) {
  std::string name = Text(Member(cell, "data"), "name");
  if (name.empty()) name = Text(Member(Member(cell, "attrs"), "text"), "text");
  return name;
}

// The threats of a cell: data.threats in real files, threats where the schema puts them.
void CellThreats(ImportContext& c, const nlohmann::json& cell, const std::string& at,
                 const std::string& owner, bool is_flow) {
  for (const char* where : {"data", ""}) {
    const nlohmann::json& holder = *where ? Member(cell, where) : cell;
    const std::string base = *where ? PointerChild(at, where) : at;
    const nlohmann::json& threats = ArrayAt(c, holder, base, "threats");
    for (size_t t = 0; t < threats.size(); ++t) {
      const nlohmann::json& threat = threats[t];
      const std::string pointer = PointerChild(PointerChild(base, "threats"), t);
      const std::string raw =
          Text(threat, "id").empty() ? Text(threat, "title") : Text(threat, "id");
      ImportedElement event =
          NewThreat(c, pointer, raw, Text(threat, "title"), Text(threat, "description"),
                    Text(threat, "status"), kDragonStatuses);
      if (is_flow) event.Set("via", nlohmann::json::array({owner}));
      event.source["element"] = owner;
      KeepRest(threat, {"id", "title", "description", "status"}, &event);
      c.model.threat_events.push_back(std::move(event));
    }
  }
}

void Elements(ImportContext& c, const nlohmann::json& cells, const std::string& at,
              const std::string& diagram) {
  for (size_t i = 0; i < cells.size(); ++i) {
    const nlohmann::json& cell = cells[i];
    const std::string type = CellType(cell);
    if (type != "tm.Actor" && type != "tm.Process" && type != "tm.Store") continue;
    ImportedElement element = NewElement(c, PointerChild(at, i), Text(cell, "id"));
    c.ids.Remember("cell", Text(cell, "id"), element.id);
    element.Set("name", CellName(cell).empty() ? element.id : CellName(cell));
    element.Set("kind", KindFor(type));
    element.source["type"] = type;
    element.source["diagram"] = diagram;
    KeepRest(Member(cell, "data"), {"name", "type", "threats"}, &element);
    c.model.components.push_back(std::move(element));
  }
}

void Flows(ImportContext& c, const nlohmann::json& cells, const std::string& at) {
  for (size_t i = 0; i < cells.size(); ++i) {
    const nlohmann::json& cell = cells[i];
    const std::string pointer = PointerChild(at, i);
    const std::string type = CellType(cell);
    if (type == "tm.Boundary" || type == "tm.Text") {
      ReportUnmapped(c, pointer,
                     "Threat Dragon " + type + " '" + CellName(cell) +
                         "' is a drawing, not a zone with members; not imported");
      continue;
    }
    if (type != "tm.Flow") {
      if (type != "tm.Actor" && type != "tm.Process" && type != "tm.Store") {
        ReportUnmapped(c, pointer, "cell of type '" + type + "' not imported");
      } else {
        CellThreats(c, cell, pointer, c.ids.Find("cell", Text(cell, "id")), false);
      }
      continue;
    }
    const std::string from = c.ids.Find("cell", Text(Member(cell, "source"), "cell"));
    const std::string to = c.ids.Find("cell", Text(Member(cell, "target"), "cell"));
    if (from.empty() || to.empty() || from == to) {
      ReportUnmapped(c, pointer,
                     "flow '" + CellName(cell) + "' does not join two elements; not imported");
      CellThreats(c, cell, pointer, Text(cell, "id"), false);
      continue;
    }
    const nlohmann::json& data = Member(cell, "data");
    ImportedElement element = NewElement(c, pointer, Text(cell, "id"));
    if (!CellName(cell).empty()) element.Set("name", CellName(cell));
    FlowDesign design;
    const std::string medium = MediumFor(Text(data, "protocol"), Truthy(data, "isPublicNetwork"));
    if (!medium.empty()) design.medium = medium;
    if (!medium.empty() || Member(data, "isPublicNetwork").is_boolean()) {
      design.stated.push_back("medium");
    }
    if (Member(data, "isEncrypted").is_boolean()) {
      design.confidentiality = Truthy(data, "isEncrypted") ? "encrypted" : "none";
      design.stated.push_back("confidentiality");
    }
    SetFlowDesign(from, to, design, &element);
    KeepRest(data, {"name", "type", "threats"}, &element);
    const std::string id = element.id;
    c.model.flows.push_back(std::move(element));
    CellThreats(c, cell, pointer, id, true);
  }
}

}  // namespace

std::optional<ImportedModel> ImportThreatDragon(const LocatedDocument& doc, DiagnosticSink& sink) {
  ImportContext c{doc, sink, {}, {}};
  if (!RequireRoot(c, {"summary", "detail"}, "a Threat Dragon v2")) return std::nullopt;
  const nlohmann::json& summary = ObjectAt(c, doc.root, "", "summary");
  const nlohmann::json& detail = ObjectAt(c, doc.root, "", "detail");
  c.model.system = NewSystem(c, Text(summary, "title"), Text(summary, "title"));
  KeepRest(summary, {"title"}, &c.model.system);
  KeepRest(detail, {"diagrams"}, &c.model.system);
  KeepRest(doc.root, {"summary", "detail"}, &c.model.system);
  const nlohmann::json& diagrams = ArrayAt(c, detail, "/detail", "diagrams");
  for (size_t d = 0; d < diagrams.size(); ++d) {
    const std::string at = PointerChild("/detail/diagrams", d);
    if (Member(diagrams[d], "diagramJson").is_object()) {
      sink.Error(doc.At(at), "import-format",
                 "a Threat Dragon v1 diagram (diagramJson); open and save it in Threat Dragon 2 "
                 "first");
      return std::nullopt;
    }
    const nlohmann::json& cells = ArrayAt(c, diagrams[d], at, "cells");
    Elements(c, cells, PointerChild(at, "cells"), Text(diagrams[d], "title"));
  }
  for (size_t d = 0; d < diagrams.size(); ++d) {
    const std::string at = PointerChild("/detail/diagrams", d);
    const nlohmann::json& cells = Member(diagrams[d], "cells");  // its type checked above
    if (cells.is_array()) Flows(c, cells, PointerChild(at, "cells"));
  }
  return std::move(c.model);
}

}  // namespace medtra::interchange
