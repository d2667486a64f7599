// The attack paths drawn over the data-flow diagram (WriteDfdDot).
#include <algorithm>
#include <map>
#include <set>

#include "medtra/base/strings.h"
#include "medtra/report/dfd_paths.h"
#include "report/dfd_overlay.h"

namespace medtra::report {

using overlay::AddFigure;
using overlay::Crossings;
using overlay::ElementOf;
using overlay::EntryEdge;
using overlay::EntryNode;
using overlay::FlowsBetween;
using overlay::IdPart;
using overlay::kRed;
using overlay::kRelay;
using overlay::kTargetFill;
using overlay::LayOut;
using overlay::Neutral;
using overlay::Performer;
using paths::AttackGraph;
using paths::NodeKind;

std::string PathsDfdDot(const paths::PathsAnalysis& analysis) {
  const AttackGraph& graph = *analysis.before;
  const model::SystemModel& model = graph.model();
  DfdStyle style = Neutral(model, "dfd_paths");
  const FlowsBetween between(model);
  Crossings crossings(model);  // flows the attacker reaches (exposed, inject), components
  Crossings relayed(model);    // flows that only carry the attack between two components
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> first_steps;  // (entry, node) -> paths
  std::set<uint32_t> removed_flows, removed_components;
  std::map<uint32_t, std::vector<std::string>> targets;  // component -> functions
  // Changes the measures make, by kind and element: steps they remove are drawn dashed.
  std::set<std::pair<paths::CutKind, uint32_t>> remaining;
  for (const paths::Edge& e : analysis.after->edges()) remaining.insert({e.cut, e.cut_element});
  for (const paths::FunctionPaths& f : analysis.before_paths.functions) {
    if (f.best.empty()) continue;
    if (const uint32_t c = Performer(model, f.function); c != paths::kNone)
      targets[c].push_back(model.system.essential_functions[f.function].id);
    for (const paths::Path& p : f.best) {
      std::set<uint32_t> flows, components, relays;
      for (const uint32_t e : p.edges) {
        const paths::Edge& edge = graph.edges()[e];
        ElementOf(graph, edge.to, &flows, &components);
        between.Crossed(graph, edge, &relays);
        if (edge.cut == paths::CutKind::kStructural ||
            remaining.contains({edge.cut, edge.cut_element}))
          continue;
        (paths::CutOnFlow(edge.cut) ? removed_flows : removed_components).insert(edge.cut_element);
      }
      crossings.Add(flows, components);
      for (const uint32_t x : flows) relays.erase(x);
      relayed.Add(relays, {});
      if (!p.edges.empty()) ++first_steps[{p.entry, graph.edges()[p.edges[0]].to}];
    }
  }
  relayed.Draw(kRelay, "relayed path", &style);
  crossings.Draw(kRed, "path", &style);
  for (const uint32_t f : removed_flows) style.flows[f].style = "dashed";
  for (const uint32_t c : removed_components) style.components[c].style = "dashed";
  for (const auto& [c, functions] : targets) {
    style.components[c].fillcolor = kTargetFill;
    style.components[c].extra_lines.push_back("target: " + Join(functions, " "));
  }
  if (!analysis.before_paths.cuts.empty()) {
    for (const paths::CutChange& c : analysis.before_paths.cuts.back().changes) {
      DfdElementStyle& s =
          paths::CutOnFlow(c.kind) ? style.flows[c.element] : style.components[c.element];
      s.extra_lines.push_back("cut: " + std::string(paths::CutKindName(c.kind)));
    }
  }
  std::set<uint32_t> entries;
  for (const auto& [step, count] : first_steps) {
    const auto kind = static_cast<paths::EntryKind>(graph.nodes()[step.first].element);
    entries.insert(step.first);
    const paths::Node& n = graph.nodes()[step.second];
    const bool flow = n.kind == NodeKind::kExposed || n.kind == NodeKind::kInject;
    if (!flow && graph.ComponentOf(step.second) == paths::kNone) continue;
    const std::string to =
        flow ? model.flows[n.element].to : model.components[graph.ComponentOf(step.second)].id;
    const std::string label = flow ? model.flows[n.element].id : std::string(NodeKindName(n.kind));
    style.edges.push_back(
        EntryEdge(kind, IdPart(graph.NodeId(step.second)), to, label, kRed, count));
  }
  for (const uint32_t e : entries)
    style.nodes.push_back(EntryNode(static_cast<paths::EntryKind>(graph.nodes()[e].element), kRed));
  return WriteDfdDot(model, style);
}

/// Why there is no drawing of the paths: the reason that the web page shows (from
/// RenderPathsDfdSvg) and the sentence of the report.
constexpr std::string_view kNoPath =
    "no attack path reaches an essential function, so none is drawn on the data-flow diagram";

Result<std::string> RenderPathsDfdSvg(const paths::PathsAnalysis& analysis,
                                      const DfdOptions& options) {
  if (analysis.before_paths.path_count == 0)
    return Result<std::string>::Error(std::string(kNoPath));
  return LayOut(options, PathsDfdDot, analysis);
}

void AddPathsDfdFigure(const paths::PathsAnalysis& analysis, const DfdOptions& options,
                       Section* section) {
  if (analysis.before_paths.path_count == 0) {
    section->Paragraph("N" + std::string(kNoPath.substr(1)) + ".");
    return;
  }
  AddFigure(RenderPathsDfdSvg(analysis, options), "The attack paths are",
            "The most likely attack paths before measures on the data-flow diagram: each entry "
            "point used is an ellipse with a red dashed edge to where the attacker first gets in "
            "(labelled with the flow, or the kind of access to the component); the flows and "
            "components on the paths are red, thicker with more paths through them (\"N paths\"), "
            "and a flow that only carries the "
            "attack on from one component to the next is light red (\"N relayed paths\"); "
            "the components of the essential functions reached are filled yellow (\"target:\"); "
            "\"cut:\" marks the changes of the minimal cut; dashed flows and components lose "
            "their step to the measures; the rest of the design is grey.",
            section);
}

}  // namespace medtra::report
