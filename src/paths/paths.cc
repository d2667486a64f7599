// Paths, counts and reach on an attack graph.
#include "medtra/paths/paths.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <tuple>

namespace medtra::paths {
namespace {

/// Distance (in edges) from every node to `target` along out edges; -1 when it cannot reach it.
std::vector<int32_t> DistanceTo(const AttackGraph& graph, uint32_t target) {
  std::vector<int32_t> distance(graph.nodes().size(), -1);
  std::vector<uint32_t> queue{target};
  distance[target] = 0;
  for (size_t i = 0; i < queue.size(); ++i) {
    for (const uint32_t e : graph.In(queue[i])) {
      const uint32_t from = graph.edges()[e].from;
      if (distance[from] < 0) {
        distance[from] = distance[queue[i]] + 1;
        queue.push_back(from);
      }
    }
  }
  return distance;
}

/// The likelihood of an edge: the highest of its threats' (-1 when none is known).
int EdgeLikelihood(const AttackGraph& graph, uint32_t e, const PathOptions& options) {
  if (options.likelihood == nullptr) return -1;
  int best = -1;
  for (const Reason& r : graph.Reasons(graph.edges()[e])) {
    const auto it = options.likelihood->find(graph.ThreatId(r));
    if (it != options.likelihood->end()) best = std::max(best, it->second);
  }
  return best;
}

uint64_t SaturatingAdd(uint64_t a, uint64_t b) {
  return a > std::numeric_limits<uint64_t>::max() - b ? std::numeric_limits<uint64_t>::max()
                                                      : a + b;
}

/// Enumerates simple paths to one function within the nodes that reach it, most likely steps
/// first, and counts all paths.
class PathSearch {
 public:
  PathSearch(const AttackGraph& graph, const PathOptions& options,
             const std::vector<char>& from_entries, uint32_t function)
      : graph_(graph),
        options_(options),
        from_entries_(from_entries),
        function_(function),
        target_(graph.FunctionNode(function)),
        distance_(DistanceTo(graph, target_)),
        on_path_(graph.nodes().size(), 0) {}

  FunctionPaths Run(const std::vector<uint32_t>& entries) {
    FunctionPaths result;
    result.function = function_;
    for (const uint32_t entry : entries) {
      if (distance_[entry] < 0) continue;
      result.entries.push_back(static_cast<EntryKind>(graph_.nodes()[entry].element));
      entry_ = entry;
      Walk(entry);
    }
    bool acyclic = false;
    const uint64_t counted = CountAcyclic(entries, &acyclic);
    if (acyclic) {
      result.count = counted;
      result.count_exact = counted != std::numeric_limits<uint64_t>::max();
    } else {
      result.count = found_.size();
      result.count_exact = !truncated_;
    }
    std::sort(found_.begin(), found_.end(), [&](const Path& a, const Path& b) {
      return std::make_tuple(-a.likelihood, a.edges.size(), a.entry, a.edges) <
             std::make_tuple(-b.likelihood, b.edges.size(), b.entry, b.edges);
    });
    if (found_.size() > options_.k) found_.resize(options_.k);
    result.best = std::move(found_);
    return result;
  }

 private:
  bool Relevant(uint32_t node) const { return from_entries_[node] && distance_[node] >= 0; }

  void Walk(uint32_t node) {
    if (truncated_) return;
    if (node == target_) {
      Path path{entry_, function_, stack_, -1};
      for (const uint32_t e : stack_) {
        const int l = EdgeLikelihood(graph_, e, options_);
        if (l >= 0) path.likelihood = path.likelihood < 0 ? l : std::min(path.likelihood, l);
      }
      found_.push_back(std::move(path));
      if (found_.size() >= options_.enumeration_limit) truncated_ = true;
      return;
    }
    if (++visits_ > options_.enumeration_limit * 100) {
      truncated_ = true;
      return;
    }
    on_path_[node] = 1;
    std::vector<std::pair<std::tuple<int, int32_t, uint32_t>, uint32_t>> next;
    for (const uint32_t e : graph_.Out(node)) {
      const uint32_t to = graph_.edges()[e].to;
      if (!Relevant(to) || on_path_[to]) continue;
      next.push_back({{-EdgeLikelihood(graph_, e, options_), distance_[to], e}, e});
    }
    std::sort(next.begin(), next.end());
    for (const auto& [order, e] : next) {
      stack_.push_back(e);
      Walk(graph_.edges()[e].to);
      stack_.pop_back();
      if (truncated_) break;
    }
    on_path_[node] = 0;
  }

  /// The number of paths from the entries to the target when the relevant nodes form no cycle
  /// (Kahn's order over them); sets `acyclic`.
  uint64_t CountAcyclic(const std::vector<uint32_t>& entries, bool* acyclic) const {
    const size_t n = graph_.nodes().size();
    std::vector<uint32_t> indegree(n, 0);
    size_t relevant = 0;
    for (uint32_t v = 0; v < n; ++v) {
      if (!Relevant(v)) continue;
      ++relevant;
      for (const uint32_t e : graph_.Out(v)) {
        if (Relevant(graph_.edges()[e].to)) ++indegree[graph_.edges()[e].to];
      }
    }
    std::vector<uint64_t> ways(n, 0);
    for (const uint32_t entry : entries) {
      if (Relevant(entry)) ways[entry] = 1;
    }
    std::vector<uint32_t> order;
    for (uint32_t v = 0; v < n; ++v) {
      if (Relevant(v) && indegree[v] == 0) order.push_back(v);
    }
    for (size_t i = 0; i < order.size(); ++i) {
      const uint32_t v = order[i];
      for (const uint32_t e : graph_.Out(v)) {
        const uint32_t to = graph_.edges()[e].to;
        if (!Relevant(to)) continue;
        ways[to] = SaturatingAdd(ways[to], ways[v]);
        if (--indegree[to] == 0) order.push_back(to);
      }
    }
    *acyclic = order.size() == relevant;
    return ways[target_];
  }

  const AttackGraph& graph_;
  const PathOptions& options_;
  const std::vector<char>& from_entries_;
  uint32_t function_;
  uint32_t target_;
  std::vector<int32_t> distance_;
  std::vector<char> on_path_;
  std::vector<uint32_t> stack_;
  std::vector<Path> found_;
  uint32_t entry_ = 0;
  size_t visits_ = 0;
  bool truncated_ = false;
};

bool ServesPatient(const AttackGraph& graph, uint32_t component,
                   const std::vector<char>& performs) {
  const model::SystemModel& model = graph.model();
  const model::Zone* zone = model.FindZone(model.components[component].zone);
  return performs[component] || (zone != nullptr && zone->kind == "body");
}

/// Breadth first along out edges (forward) or in edges (backward).
std::vector<char> Search(const AttackGraph& graph, const std::vector<uint32_t>& starts,
                         bool forward, const std::vector<char>* removed) {
  std::vector<char> seen(graph.nodes().size(), 0);
  std::vector<uint32_t> queue;
  for (const uint32_t s : starts) {
    if (!seen[s]) queue.push_back(s);
    seen[s] = 1;
  }
  for (size_t i = 0; i < queue.size(); ++i) {
    for (const uint32_t e : forward ? graph.Out(queue[i]) : graph.In(queue[i])) {
      if (removed != nullptr && (*removed)[e]) continue;
      const uint32_t next = forward ? graph.edges()[e].to : graph.edges()[e].from;
      if (!seen[next]) {
        seen[next] = 1;
        queue.push_back(next);
      }
    }
  }
  return seen;
}

}  // namespace

std::vector<uint32_t> EntryNodes() {
  std::vector<uint32_t> nodes;
  for (uint32_t e = 0; e < kEntryKinds; ++e) nodes.push_back(e);
  return nodes;
}

std::vector<char> ReachedFrom(const AttackGraph& graph, const std::vector<uint32_t>& starts,
                              const std::vector<char>* removed) {
  return Search(graph, starts, true, removed);
}

std::vector<char> Reaching(const AttackGraph& graph, const std::vector<uint32_t>& targets) {
  return Search(graph, targets, false, nullptr);
}

Reach ReachOf(const AttackGraph& graph, uint32_t component) {
  const model::SystemModel& model = graph.model();
  Reach reach;
  reach.component = component;
  std::vector<char> performs(model.components.size(), 0);
  std::vector<uint32_t> performer(model.system.essential_functions.size(), kNone);
  for (size_t f = 0; f < model.system.essential_functions.size(); ++f) {
    const model::Component* c = model.FindComponent(model.system.essential_functions[f].component);
    if (c == nullptr) continue;
    performer[f] = static_cast<uint32_t>(c - model.components.data());
    performs[performer[f]] = 1;
  }
  // Breadth first from code on the component, remembering how each node was reached.
  const uint32_t start = graph.CodeNode(component);
  std::vector<uint32_t> via(graph.nodes().size(), kNone);
  std::vector<char> seen(graph.nodes().size(), 0);
  std::vector<uint32_t> queue{start};
  seen[start] = 1;
  std::vector<char> patient(model.components.size(), 0);
  uint32_t first_function = kNone;
  for (size_t i = 0; i < queue.size(); ++i) {
    const uint32_t node = queue[i];
    const Node& n = graph.nodes()[node];
    if (n.kind == NodeKind::kFunction && performer[n.element] != component &&
        performer[n.element] != kNone) {
      reach.functions.push_back(n.element);
      patient[performer[n.element]] = 1;
      if (first_function == kNone) first_function = node;
    }
    const uint32_t on = graph.ComponentOf(node);
    const bool takes_over = n.kind == NodeKind::kCode || n.kind == NodeKind::kControl ||
                            (n.kind == NodeKind::kDeliver && n.asset == kCommands);
    if (on != kNone && on != component && takes_over && ServesPatient(graph, on, performs))
      patient[on] = 1;
    for (const uint32_t e : graph.Out(node)) {
      const uint32_t to = graph.edges()[e].to;
      if (seen[to]) continue;
      seen[to] = 1;
      via[to] = e;
      queue.push_back(to);
    }
  }
  std::sort(reach.functions.begin(), reach.functions.end());
  for (uint32_t c = 0; c < patient.size(); ++c) {
    if (patient[c]) reach.patient_components.push_back(c);
  }
  for (uint32_t at = first_function; at != kNone && at != start; at = graph.edges()[via[at]].from)
    reach.example.push_back(via[at]);
  std::reverse(reach.example.begin(), reach.example.end());
  // Which entry points reach its control (code on it implies control).
  const std::vector<int32_t> distance = DistanceTo(graph, graph.ControlNode(component));
  for (uint32_t e = 0; e < kEntryKinds; ++e) {
    if (distance[graph.EntryNode(static_cast<EntryKind>(e))] > 0)
      reach.reachable_from.push_back(static_cast<EntryKind>(e));
  }
  return reach;
}

GraphPaths AnalyzeGraph(const AttackGraph& graph, const PathOptions& options) {
  GraphPaths result;
  for (uint32_t e = 0; e < kEntryKinds; ++e) {
    const uint32_t node = graph.EntryNode(static_cast<EntryKind>(e));
    if (!graph.Out(node).empty()) result.entry_nodes.push_back(node);
  }
  const std::vector<char> from_entries = ReachedFrom(graph, result.entry_nodes);
  const model::SystemModel& model = graph.model();
  std::vector<uint32_t> reached;
  for (uint32_t f = 0; f < model.system.essential_functions.size(); ++f) {
    if (!from_entries[graph.FunctionNode(f)]) continue;
    reached.push_back(graph.FunctionNode(f));
    result.functions.push_back(PathSearch(graph, options, from_entries, f).Run(result.entry_nodes));
    result.path_count = SaturatingAdd(result.path_count, result.functions.back().count);
  }
  for (uint32_t c = 0; c < model.components.size(); ++c) {
    if (model.components[c].instances == "many") result.reach.push_back(ReachOf(graph, c));
  }
  for (const FunctionPaths& f : result.functions) {
    result.cuts.push_back(MinimumCut(graph, {graph.FunctionNode(f.function)}, options));
  }
  // With two or more functions reached, one cut for all of them (the last cut is always that).
  if (reached.size() > 1) result.cuts.push_back(MinimumCut(graph, reached, options));
  return result;
}

}  // namespace medtra::paths
