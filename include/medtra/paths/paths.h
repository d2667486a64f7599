// Paths through an attack graph: which entry points reach each essential function and how (the k
// most likely paths and the count of all), what a compromised many-instance component reaches,
// and the smallest set of design changes that cuts every path.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/paths/attack_graph.h"
#include "medtra/rules/threat.h"

namespace medtra::paths {

/// The likelihood index (on the model's scale) of the derived threats that steps of attack graphs
/// name (`rule@element`), by the step's Reason: built once from the threats, with one lookup per
/// threat of a cited rule, then read per edge without building a threat id.
class ThreatLikelihoods {
 public:
  ThreatLikelihoods() = default;
  /// `cited`: the rules that reasons name; the threats of other rules are not kept. The first
  /// threat with an id and a likelihood on the scale gives that id's likelihood.
  ThreatLikelihoods(const model::SystemModel& model, const std::vector<rules::Threat>& threats,
                    std::span<const std::string_view> cited);
  /// The likelihood index of the threat `reason.rule@element`, or -1 when none is known.
  int Of(const Reason& reason) const;

 private:
  struct Table {
    std::string_view rule;
    std::vector<int> flows;       ///< per flow index, or empty when no threat is on a flow
    std::vector<int> components;  ///< per component index, likewise
  };
  std::vector<Table> tables_;
};

/// The rules the reasons of the graphs name, each once, in order of first appearance.
std::vector<std::string_view> CitedRules(std::span<const AttackGraph* const> graphs);

struct PathOptions {
  size_t k = 3;  ///< paths kept per essential function
  /// At most this many paths are enumerated per essential function; the count of all paths is
  /// still exact where the part of the graph that reaches the function has no cycle.
  size_t enumeration_limit = 10000;
  /// With more functions reached than this, only the cut for all of them is computed (each
  /// function's own cut costs a max-flow over the part of the graph that reaches it).
  size_t per_function_cuts = 50;
  /// The cost of each kind of design change (index: CutKind); 1 each by default.
  std::array<int64_t, kCutKinds> costs{0, 1, 1, 1, 1, 1, 1};
  /// The likelihood index (on the model's scale) of each derived threat, by the reason of the step
  /// that names it; steps without one count as unknown.
  const ThreatLikelihoods* likelihood = nullptr;
  /// Threads for the two designs' analyses (AnalyzePaths); 0: one per core. The result is the
  /// same for any number.
  unsigned threads = 1;
};

/// One way from an entry point to an essential function: the edges in order.
struct Path {
  uint32_t entry = 0;  ///< the entry node
  uint32_t function = 0;
  std::vector<uint32_t> edges;
  int likelihood = -1;  ///< the lowest likelihood of its steps; -1 when none is known
};

struct FunctionPaths {
  uint32_t function = 0;           ///< index into system.essential_functions
  std::vector<Path> best;          ///< at most k, most likely first
  uint64_t count = 0;              ///< all paths (saturates at UINT64_MAX)
  bool count_exact = true;         ///< false when the count is a lower bound
  std::vector<EntryKind> entries;  ///< the entry points that reach it
};

/// The rule whose threat a many-instance component's reach is (`medical-multi-patient-harm@C`).
inline constexpr std::string_view kMultiPatientHarmRule = "medical-multi-patient-harm";

/// What code on one many-instance component reaches on other components.
struct Reach {
  uint32_t component = 0;
  std::vector<uint32_t> functions;           ///< essential functions of other components
  std::vector<uint32_t> patient_components;  ///< components that serve the patient, reached
  std::vector<EntryKind> reachable_from;     ///< entry points that reach its control
  /// The first edges of a shortest way to one reached function (for the threat's evidence).
  std::vector<uint32_t> example;
};

struct CutChange {
  CutKind kind = CutKind::kStructural;
  uint32_t element = kNone;
  int64_t cost = 0;
  uint32_t edge = 0;  ///< the edge it removes
};

/// The cheapest set of changes that disconnects every entry point from a function (or from all).
struct Cut {
  uint32_t function = kNone;  ///< kNone: every essential function at once
  bool cuttable = true;       ///< false when a path crosses no changeable edge
  int64_t cost = 0;
  std::vector<CutChange> changes;  ///< sorted by kind, then element
  bool verified = false;           ///< removing the changes leaves no path (checked)
};

struct GraphPaths {
  std::vector<uint32_t> entry_nodes;     ///< entry nodes with edges, in kind order
  std::vector<FunctionPaths> functions;  ///< functions reached, in model order
  std::vector<Reach> reach;              ///< many-instance components, in model order
  /// One per reached function (up to PathOptions::per_function_cuts functions), then, when two or
  /// more are reached, one for all of them: the last cut always cuts every path.
  std::vector<Cut> cuts;
  uint64_t path_count = 0;  ///< sum over functions (saturating)
};

/// Scratch space sized to one graph and reused by the searches, so that each search costs what it
/// visits rather than the graph's size; also the graph's per-component facts the reach needs.
class Workspace {
 public:
  explicit Workspace(const AttackGraph& graph);
  /// Starts a new search: every node is unvisited again (in constant time).
  void Begin();
  bool Visited(uint32_t node) const { return mark_[node] == stamp_; }
  void Visit(uint32_t node) { mark_[node] = stamp_; }

  std::vector<int32_t> distance;     ///< valid where Visited()
  std::vector<uint32_t> via;         ///< valid where Visited()
  std::vector<uint64_t> count;       ///< valid where Visited()
  std::vector<uint32_t> degree;      ///< valid where Visited()
  std::vector<char> flag;            ///< all 0 between uses
  std::vector<uint32_t> list;        ///< the nodes of the last search, in visiting order
  std::vector<uint32_t> performer;   ///< per essential function: its component, or kNone
  std::vector<char> serves_patient;  ///< per component

 private:
  std::vector<uint32_t> mark_;
  uint32_t stamp_ = 0;
};

/// Visits, in `work`, the nodes among `allowed` (all when null) from which one of `targets` is
/// reached, with their distance to it; work.list holds them in visiting order.
void SearchBackward(const AttackGraph& graph, const std::vector<uint32_t>& targets,
                    const std::vector<char>* allowed, Workspace& work);

/// The entry nodes (all kinds, with or without edges).
std::vector<uint32_t> EntryNodes();
/// Nodes reached from `starts` along out edges, skipping the edges marked in `removed` (may be
/// null).
std::vector<char> ReachedFrom(const AttackGraph& graph, const std::vector<uint32_t>& starts,
                              const std::vector<char>* removed = nullptr);
/// Nodes from which one of `targets` is reached.
std::vector<char> Reaching(const AttackGraph& graph, const std::vector<uint32_t>& targets);

/// Reach of code on component `component` (any component), each search on its own: the
/// independent form of ManyInstanceReaches(), which the rule and the paths use.
Reach ReachOf(const AttackGraph& graph, uint32_t component);
/// The reach of every component with instances: many, in model order; worked out on first use and
/// kept with the graph. The same as ReachOf() for each of them.
const std::vector<Reach>& ManyInstanceReaches(const AttackGraph& graph);
/// Everything about one graph.
GraphPaths AnalyzeGraph(const AttackGraph& graph, const PathOptions& options);
/// The minimum cut between the entry points and the given function nodes.
Cut MinimumCut(const AttackGraph& graph, const std::vector<uint32_t>& targets,
               const PathOptions& options);
/// The same, given the nodes the entries reach and a workspace: costs what lies between.
Cut MinimumCut(const AttackGraph& graph, const std::vector<uint32_t>& targets,
               const PathOptions& options, const std::vector<char>& from_entries, Workspace& work);

}  // namespace medtra::paths
