// The multi-patient reach drawn over the data-flow diagram: what one compromised instance of each
// many-instance component reaches, and one shortest way there.
#include <map>
#include <set>

#include "medtra/base/strings.h"
#include "medtra/report/dfd_paths.h"
#include "report/dfd_overlay.h"

namespace medtra::report {
namespace {

using overlay::AddFigure;
using overlay::Crossings;
using overlay::ElementOf;
using overlay::EntryEdge;
using overlay::EntryNode;
using overlay::FlowsBetween;
using overlay::kGrey;
using overlay::kPurple;
using overlay::kRed;
using overlay::kTargetFill;
using overlay::LayOut;
using overlay::Neutral;
using overlay::Performer;
using overlay::Plural;
using paths::AttackGraph;
using paths::NodeKind;

/// The component a node takes over as ReachOf() counts it (code, control, therapy commands, an
/// essential function), or kNone.
uint32_t TakenOver(const AttackGraph& graph, uint32_t node) {
  const paths::Node& n = graph.nodes()[node];
  if (n.kind == NodeKind::kFunction) return Performer(graph.model(), n.element);
  if (n.kind == NodeKind::kCode || n.kind == NodeKind::kControl ||
      (n.kind == NodeKind::kDeliver && n.asset == paths::kCommands))
    return graph.ComponentOf(node);
  return paths::kNone;
}

/// Per node: how the search reached it, and the number of the search that last did (so that one
/// allocation serves the searches of every many-instance component).
struct Marks {
  explicit Marks(size_t nodes) : via(nodes, paths::kNone), seen(nodes, 0) {}
  std::vector<uint32_t> via;
  std::vector<uint32_t> seen;
  uint32_t search = 0;
};

/// The flows and components on one shortest way from code on the reach's component to each
/// patient-serving component it reaches: a breadth-first search in edge order, as ReachOf().
void WaysOf(const AttackGraph& graph, const FlowsBetween& between, const paths::Reach& reach,
            Marks& marks, std::set<uint32_t>* flows, std::set<uint32_t>* components) {
  std::set<uint32_t> wanted(reach.patient_components.begin(), reach.patient_components.end());
  std::vector<uint32_t>& via = marks.via;
  std::vector<uint32_t>& seen = marks.seen;
  const uint32_t search = ++marks.search;
  const uint32_t start = graph.CodeNode(reach.component);
  std::vector<uint32_t> queue{start}, found;
  seen[start] = search;
  for (size_t i = 0; i < queue.size() && !wanted.empty(); ++i) {
    const uint32_t node = queue[i];
    if (const uint32_t c = TakenOver(graph, node); wanted.erase(c) > 0) found.push_back(node);
    for (const uint32_t e : graph.Out(node)) {
      const uint32_t to = graph.edges()[e].to;
      if (seen[to] == search) continue;
      seen[to] = search;
      via[to] = e;
      queue.push_back(to);
    }
  }
  for (const uint32_t end : found) {
    for (uint32_t at = end; at != start; at = graph.edges()[via[at]].from) {
      ElementOf(graph, at, flows, components);
      between.Crossed(graph, graph.edges()[via[at]], flows);
    }
  }
}

}  // namespace

std::string ReachDfdDot(const paths::PathsAnalysis& analysis) {
  const AttackGraph& graph = *analysis.before;
  const model::SystemModel& model = graph.model();
  DfdStyle style = Neutral(model, "dfd_reach");
  const FlowsBetween between(model);
  Crossings ways(model);
  std::map<uint32_t, std::set<std::string>> reached_from;  // patient component -> many-instance
  std::map<paths::EntryKind, std::vector<uint32_t>> entries;
  Marks marks(graph.nodes().size());
  for (const paths::Reach& r : analysis.before_paths.reach) {
    std::set<uint32_t> flows, components;
    WaysOf(graph, between, r, marks, &flows, &components);
    ways.Add(flows, components);
    for (const uint32_t c : r.patient_components)
      reached_from[c].insert(model.components[r.component].id);
    for (const paths::EntryKind e : r.reachable_from) entries[e].push_back(r.component);
  }
  ways.Draw(kPurple, "", &style);
  for (const paths::Reach& r : analysis.before_paths.reach) {
    DfdElementStyle& s = style.components[r.component];
    s.color = kPurple;
    s.penwidth = "4";
    s.style = "bold";
    s.extra_lines.push_back(
        "many instances: reaches " +
        Plural(static_cast<uint32_t>(r.patient_components.size()), "patient component"));
  }
  for (const auto& [c, from] : reached_from) {
    DfdElementStyle& s = style.components[c];
    s.fillcolor = kTargetFill;
    if (s.color == kGrey) s.color = kRed;
    s.extra_lines.push_back("reached from: " +
                            Join(std::vector<std::string>(from.begin(), from.end()), ", "));
  }
  for (const auto& [kind, components] : entries) {
    style.nodes.push_back(EntryNode(kind, kPurple));
    for (const uint32_t c : components) {
      style.edges.push_back(EntryEdge(kind, "control-" + model.components[c].id,
                                      model.components[c].id, "control", kPurple, 1));
    }
  }
  return WriteDfdDot(model, style);
}

Result<std::string> RenderReachDfdSvg(const paths::PathsAnalysis& analysis,
                                      const DfdOptions& options) {
  if (analysis.before_paths.reach.empty()) {
    return Result<std::string>::Error(
        "no component has instances: many, so there is no multi-patient harm view");
  }
  return LayOut(options, ReachDfdDot, analysis);
}

void AddReachDfdFigure(const paths::PathsAnalysis& analysis, const DfdOptions& options,
                       Section* section) {
  if (analysis.before_paths.reach.empty()) return;
  AddFigure(
      RenderReachDfdSvg(analysis, options), "The multi-patient reach is",
      "What one compromised instance reaches, on the data-flow diagram: each many-instance "
      "component is purple and bold, with the entry points that reach its control as "
      "ellipses; the patient-serving components it reaches are filled yellow (\"reached "
      "from:\"); the flows and components of one shortest way to each of them are purple, "
      "thicker with more many-instance components using them; the rest of the design is grey.",
      section);
}

}  // namespace medtra::report
