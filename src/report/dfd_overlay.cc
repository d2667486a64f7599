// The pieces the DFD overlays share (report/dfd_overlay.h).
#include "report/dfd_overlay.h"

#include "medtra/base/strings.h"

namespace medtra::report::overlay {

DfdStyle Neutral(const model::SystemModel& model, std::string name) {
  DfdStyle style;
  style.graph_name = std::move(name);
  style.component_ids = true;
  style.flows.assign(model.flows.size(), DfdElementStyle{.color = std::string(kGrey)});
  style.components.assign(model.components.size(), DfdElementStyle{.color = std::string(kGrey)});
  return style;
}

std::string Width(uint32_t count) { return std::to_string(std::min<uint32_t>(1 + count, 6)); }

std::string Plural(uint32_t count, std::string_view one) {
  return std::to_string(count) + " " + std::string(one) + (count == 1 ? "" : "s");
}

uint32_t Performer(const model::SystemModel& model, uint32_t function) {
  const model::Component* c =
      model.FindComponent(model.system.essential_functions[function].component);
  return c == nullptr ? paths::kNone : static_cast<uint32_t>(c - model.components.data());
}

void ElementOf(const AttackGraph& graph, uint32_t node, std::set<uint32_t>* flows,
               std::set<uint32_t>* components) {
  const paths::Node& n = graph.nodes()[node];
  if (n.kind == NodeKind::kExposed || n.kind == NodeKind::kInject) {
    flows->insert(n.element);
  } else if (n.kind == NodeKind::kFunction) {
    if (const uint32_t c = Performer(graph.model(), n.element); c != paths::kNone)
      components->insert(c);
  } else if (const uint32_t c = graph.ComponentOf(node); c != paths::kNone) {
    components->insert(c);
  }
}

DfdExtra EntryNode(paths::EntryKind kind, std::string_view border) {
  const std::string name(paths::EntryKindName(kind));
  return {.id = "entry-" + name,
          .label = name,
          .attributes = "shape=ellipse, style=filled, fillcolor=\"" + std::string(kEntryFill) +
                        "\", color=\"" + std::string(border) + "\""};
}

DfdExtra EntryEdge(paths::EntryKind kind, std::string way, std::string to, std::string label,
                   std::string_view colour, uint32_t count) {
  const std::string name(paths::EntryKindName(kind));
  const std::string c(colour);
  return {.id = "entry-" + name + "-" + way,
          .from = "entry-" + name,
          .to = std::move(to),
          .label = std::move(label),
          .attributes = "color=\"" + c + "\", fontcolor=\"" + c +
                        "\", style=dashed, penwidth=" + Width(count)};
}

std::string IdPart(std::string id) {
  std::replace(id.begin(), id.end(), ':', '-');
  return id;
}

void Crossings::Draw(std::string_view colour, std::string_view unit, DfdStyle* style) const {
  auto draw = [&](DfdElementStyle& s, uint32_t count) {
    if (count == 0) return;
    s.color = colour;
    s.penwidth = Width(count);
    if (!unit.empty()) s.extra_lines.push_back(Plural(count, unit));
  };
  for (size_t i = 0; i < flows.size(); ++i) draw(style->flows[i], flows[i]);
  for (size_t i = 0; i < components.size(); ++i) draw(style->components[i], components[i]);
}

Result<std::string> LayOut(const DfdOptions& options,
                           std::string (*dot)(const paths::PathsAnalysis&),
                           const paths::PathsAnalysis& analysis) {
  if (const Status size = CheckDfdSize(analysis.before->model(), options); !size.ok())
    return Result<std::string>::Error(size.message());
  return RenderDotSvg(dot(analysis));
}

void AddFigure(Result<std::string> svg, const std::string& what, std::string caption,
               Section* section) {
  if (svg.ok()) {
    section->Figure(std::move(caption), std::move(svg).value());
    return;
  }
  section->Paragraph(what + " not drawn on the data-flow diagram: " + svg.message() + ".");
}

}  // namespace medtra::report::overlay
