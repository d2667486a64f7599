// Internal to the DFD overlays (dfd_paths.cc, dfd_reach.cc): the grey base, colours, widths, the
// entry-point nodes and edges, and which flows and components a step of the attack graph is on.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/report/dfd_paths.h"

namespace medtra::report::overlay {

using paths::AttackGraph;
using paths::NodeKind;

inline constexpr std::string_view kGrey = "#9e9e9e";
inline constexpr std::string_view kRed = "#c62828";
inline constexpr std::string_view kRelay = "#e57373";
inline constexpr std::string_view kPurple = "#6a1b9a";
inline constexpr std::string_view kTargetFill = "#fee391";
inline constexpr std::string_view kEntryFill = "#fde0dd";

/// The model's DFD in grey: no threat colours, every component with its SVG id.
DfdStyle Neutral(const model::SystemModel& model, std::string name);
/// Thicker with more paths (or reaches) through an element, up to 6.
std::string Width(uint32_t count);
/// "1 path", "3 paths".
std::string Plural(uint32_t count, std::string_view one);
/// The component an essential function is performed by, or kNone.
uint32_t Performer(const model::SystemModel& model, uint32_t function);
/// The flow (kExposed, kInject) or component (kDeliver .. kCode, kFunction's performer) of a node.
void ElementOf(const AttackGraph& graph, uint32_t node, std::set<uint32_t>* flows,
               std::set<uint32_t>* components);
/// An entry point as an ellipse "entry-<kind>".
DfdExtra EntryNode(paths::EntryKind kind, std::string_view border);
/// A dashed edge "entry-<kind>-<way>" from an entry point to a component.
DfdExtra EntryEdge(paths::EntryKind kind, std::string way, std::string to, std::string label,
                   std::string_view colour, uint32_t count);
/// The node id as an SVG id part: "exposed:F-1" -> "exposed-F-1".
std::string IdPart(std::string id);
/// dot(analysis) laid out as SVG when the model is small enough (the DOT is not even written
/// otherwise), or why not, as a sentence fragment.
Result<std::string> LayOut(const DfdOptions& options,
                           std::string (*dot)(const paths::PathsAnalysis&),
                           const paths::PathsAnalysis& analysis);
/// Adds `svg` as a figure of `section`, or a sentence "<what> not drawn ...: <why>.".
void AddFigure(Result<std::string> svg, const std::string& what, std::string caption,
               Section* section);

/// The flows between two components (either way), by the pair of component indices (lower first).
class FlowsBetween {
 public:
  explicit FlowsBetween(const model::SystemModel& model) : model_(model) {
    for (uint32_t f = 0; f < model.flows.size(); ++f) {
      const model::Component* a = model.FindComponent(model.flows[f].from);
      const model::Component* b = model.FindComponent(model.flows[f].to);
      if (a == nullptr || b == nullptr) continue;
      by_pair_[Key(Index(a), Index(b))].push_back(f);
    }
  }

  /// The flows an edge from one component's node to a delivery on another crosses (a compromised
  /// or operated end, or a relay): those between the two components that carry the delivered
  /// asset (or therapy commands).
  void Crossed(const AttackGraph& graph, const paths::Edge& edge, std::set<uint32_t>* flows) const {
    const paths::Node& to = graph.nodes()[edge.to];
    const uint32_t a = graph.ComponentOf(edge.from);
    const uint32_t b = graph.ComponentOf(edge.to);
    if (to.kind != NodeKind::kDeliver || a == paths::kNone || b == paths::kNone || a == b) return;
    const auto it = by_pair_.find(Key(a, b));
    if (it == by_pair_.end()) return;
    for (const uint32_t f : it->second) {
      const model::Flow& flow = model_.flows[f];
      const bool carries = to.asset == paths::kCommands
                               ? flow.therapy_commands
                               : std::find(flow.carries.begin(), flow.carries.end(),
                                           model_.assets[to.asset].id) != flow.carries.end();
      if (carries) flows->insert(f);
    }
  }

 private:
  uint32_t Index(const model::Component* c) const {
    return static_cast<uint32_t>(c - model_.components.data());
  }
  static std::pair<uint32_t, uint32_t> Key(uint32_t a, uint32_t b) {
    return {std::min(a, b), std::max(a, b)};
  }
  const model::SystemModel& model_;
  std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>> by_pair_;
};

/// How many paths (or ways) cross each flow and component of the model.
struct Crossings {
  explicit Crossings(const model::SystemModel& model)
      : flows(model.flows.size(), 0), components(model.components.size(), 0) {}
  void Add(const std::set<uint32_t>& on_flows, const std::set<uint32_t>& on_components) {
    for (const uint32_t x : on_flows) ++flows[x];
    for (const uint32_t x : on_components) ++components[x];
  }
  /// Draws what is crossed in `colour`, thicker with more crossings; with a `unit`, a label line
  /// "N units".
  void Draw(std::string_view colour, std::string_view unit, DfdStyle* style) const;
  std::vector<uint32_t> flows, components;
};

}  // namespace medtra::report::overlay
